using System.Text;

namespace StarSend.Cli.Logging;

/// <summary>
/// The stderr writer of the console log. While a live progress view owns the terminal, whole lines are handed to it
/// (<see cref="Divert"/>) instead of being written through the view; <see cref="Restore"/> goes back to the writer.
/// </summary>
internal sealed class DivertableWriter(TextWriter inner) : TextWriter
{
    private readonly object _gate = new();
    private readonly StringBuilder _line = new();
    private Action<string>? _divert;

    public override Encoding Encoding => inner.Encoding;

    public void Divert(Action<string> lines)
    {
        lock (_gate)
        {
            _divert = lines;
        }
    }

    public void Restore()
    {
        lock (_gate)
        {
            _divert = null;
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (_divert is null)
            {
                inner.Write(value);
                return;
            }

            if (value == '\n')
            {
                _divert(_line.ToString().TrimEnd('\r'));
                _line.Clear();
            }
            else
            {
                _line.Append(value);
            }
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            if (_divert is null)
            {
                inner.Write(value);
                return;
            }
        }

        foreach (var c in value ?? string.Empty)
        {
            Write(c);
        }
    }

    public override void Flush()
    {
        lock (_gate)
        {
            if (_divert is null)
            {
                inner.Flush();
            }
        }
    }
}
