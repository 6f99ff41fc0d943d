using System.Globalization;
using System.Text.RegularExpressions;

namespace StarSend.Testing.Timelines;

/// <summary>
/// A strict CMX 3600 EDL reader written here from the published CMX 3600 layout, independently of StarSend's writer:
/// a <c>TITLE:</c>
/// line first, an <c>FCM:</c> line before the first event, event lines of a 3-digit ascending number, a reel of at
/// most 8 characters, a known channel code, a transition (C, D nnn, W nnn), four SMPTE timecodes valid at the timebase
/// whose source and record lengths agree, comment lines starting with <c>*</c>, and nothing else. Video events must
/// not overlap in record time. Any violation throws <see cref="FormatException"/> naming the line.
/// </summary>
public static partial class Cmx3600Reader
{
    private static readonly HashSet<string> Channels = new(StringComparer.Ordinal) { "V", "A", "A2", "AA", "B", "A/V", "AA/V", "A2/V", "NONE" };

    public static (string Title, bool DropFrame, IReadOnlyList<EdlEvent> Events, IReadOnlyList<string> HeaderComments) Read(string text, int timebase)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || !lines[0].StartsWith("TITLE: ", StringComparison.Ordinal) || lines[0].Length - 7 is < 1 or > 70)
        {
            throw new FormatException("line 1: must be 'TITLE: ' and a title of 1-70 characters");
        }

        bool? drop = null;
        var events = new List<EdlEvent>();
        var header = new List<string>();
        List<string>? comments = null;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            var at = $"line {i + 1}";
            if (line.Length == 0)
            {
                continue;
            }

            if (line.Any(char.IsControl))
            {
                throw new FormatException($"{at}: control character");
            }

            if (line.StartsWith("FCM: ", StringComparison.Ordinal))
            {
                drop = line[5..] switch
                {
                    "NON-DROP FRAME" => false,
                    "DROP FRAME" => true,
                    _ => throw new FormatException($"{at}: FCM must be NON-DROP FRAME or DROP FRAME"),
                };
                continue;
            }

            if (line.StartsWith('*'))
            {
                (comments ?? header).Add(line[1..].Trim());
                continue;
            }

            var match = EventLine().Match(line);
            if (!match.Success)
            {
                throw new FormatException($"{at}: not a CMX 3600 event, comment or header: '{line}'");
            }

            if (drop is null)
            {
                throw new FormatException($"{at}: event before the FCM line");
            }

            var number = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (number != events.Count + 1)
            {
                throw new FormatException($"{at}: event {number} out of order (expected {events.Count + 1})");
            }

            var channel = match.Groups["ch"].Value;
            if (!Channels.Contains(channel))
            {
                throw new FormatException($"{at}: unknown channel '{channel}'");
            }

            var tc = new long[4];
            for (var k = 0; k < 4; k++)
            {
                tc[k] = Frames(match.Groups["tc"].Captures[k].Value, timebase, at);
            }

            if (tc[1] <= tc[0] || tc[3] <= tc[2] || tc[1] - tc[0] != tc[3] - tc[2])
            {
                throw new FormatException($"{at}: source length {tc[1] - tc[0]} and record length {tc[3] - tc[2]} must agree and be positive");
            }

            comments = [];
            events.Add(new EdlEvent(number, match.Groups["reel"].Value, channel, match.Groups["tr"].Value, tc[0], tc[1], tc[2], tc[3], comments));
        }

        if (drop is null)
        {
            throw new FormatException("no FCM line");
        }

        var video = events.Where(e => e.Channel.Contains('V', StringComparison.Ordinal) || e.Channel == "B").ToList();
        for (var k = 1; k < video.Count; k++)
        {
            if (video[k].RecordIn < video[k - 1].RecordOut)
            {
                throw new FormatException($"event {video[k].Number}: record in overlaps event {video[k - 1].Number}");
            }
        }

        return (lines[0][7..], drop.Value, events, header);
    }

    private static long Frames(string timecode, int timebase, string at)
    {
        var parts = timecode.Split(':', ';').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        if (parts[1] > 59 || parts[2] > 59 || parts[3] >= timebase)
        {
            throw new FormatException($"{at}: timecode {timecode} is not valid at {timebase} fps");
        }

        return ((((parts[0] * 60L) + parts[1]) * 60) + parts[2]) * timebase + parts[3];
    }

    [GeneratedRegex(@"^(?<n>\d{3})  (?<reel>[A-Za-z0-9_]{1,8}) +(?<ch>[A-Z0-9/]+) +(?<tr>C|D \d{3}|W\d{3} \d{3}) +(?:(?<tc>\d{2}:\d{2}:\d{2}[:;]\d{2}) ?){4}$")]
    private static partial Regex EventLine();
}
