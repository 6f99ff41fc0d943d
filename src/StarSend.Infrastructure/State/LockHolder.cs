using System.Text.Json;
using StarSend.Core.Json;

namespace StarSend.Infrastructure.State;

/// <summary>Who holds the project lock, kept beside it so a process that waits too long can say who it waited for.</summary>
internal sealed record LockHolder(int Pid, string Host, string Purpose, DateTimeOffset Since)
{
    public static async Task WriteAsync(string path, LockHolder holder, CancellationToken cancellationToken) =>
        await AtomicFile.WriteAsync(path, JsonSerializer.SerializeToUtf8Bytes(holder, StarSendJson.Options), durable: false, cancellationToken);

    public static LockHolder? TryRead(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<LockHolder>(File.ReadAllBytes(path), StarSendJson.Options);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string Describe(TimeZoneInfo zone)
    {
        var host = string.Equals(Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase) ? string.Empty : $" on {Host}";
        var since = TimeZoneInfo.ConvertTime(Since, zone);
        return $"pid {Pid}{host} ({Purpose}) since {since:HH:mm:ss}";
    }
}
