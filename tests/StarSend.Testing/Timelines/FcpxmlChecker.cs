using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;

namespace StarSend.Testing.Timelines;

/// <summary>
/// Checks an FCPXML document with libxml2's validating parser (<c>xmllint --dtdvalid</c>, from Debian's
/// libxml2-utils) against <c>fcpxml-1.9-subset.dtd</c>, then reads its primary storyline: every time a whole number
/// of the format's frame durations, spine items laid end to end from 0 to the sequence's duration, every
/// <c>ref</c> resolved to an asset's <c>media-rep</c>.
/// </summary>
public static class FcpxmlChecker
{
    /// <summary>Runs xmllint on <paramref name="file"/>; returns its complaint, or null when the document is valid.</summary>
    public static string? Validate(string file)
    {
        var xmllint = ExternalTool.Find("xmllint") ?? throw new InvalidOperationException("xmllint is not installed (apt-get install libxml2-utils)");
        var dtd = Path.Combine(Path.GetTempPath(), $"starsend-fcpxml-1.9-subset-{Environment.ProcessId}.dtd");
        using (var resource = typeof(FcpxmlChecker).Assembly.GetManifestResourceStream("fcpxml-1.9-subset.dtd")!)
        using (var output = File.Create(dtd))
        {
            resource.CopyTo(output);
        }

        var info = new ProcessStartInfo(xmllint) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "--noout", "--nonet", "--dtdvalid", dtd, file })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : error.Trim();
    }

    /// <summary>Reads the spine; throws <see cref="FormatException"/> on a time off the frame grid, a hole or overlap, or a dangling ref.</summary>
    public static (long FrameNumerator, long FrameDenominator, long Duration, IReadOnlyList<FcpxmlSpineItem> Spine) Read(string file)
    {
        var doc = XDocument.Load(file);
        var root = doc.Root!;
        var format = root.Element("resources")!.Elements("format").First();
        var (fdNum, fdDen) = Rational(format.Attribute("frameDuration")!.Value);
        var assets = root.Element("resources")!.Elements("asset").ToDictionary(
            a => a.Attribute("id")!.Value, a => a.Element("media-rep")!.Attribute("src")!.Value, StringComparer.Ordinal);
        var sequence = root.Descendants("sequence").Single();
        long Frames(string? value, string what)
        {
            var (num, den) = Rational(value ?? "0s");
            var frames = (decimal)num * fdDen / ((decimal)den * fdNum);
            if (frames != Math.Floor(frames))
            {
                throw new FormatException($"{what}: {value} is not a whole number of frames of {fdNum}/{fdDen}s");
            }

            return (long)frames;
        }

        var duration = Frames(sequence.Attribute("duration")?.Value, "sequence duration");
        var spine = new List<FcpxmlSpineItem>();
        var position = 0L;
        foreach (var item in sequence.Element("spine")!.Elements())
        {
            var name = item.Attribute("name")?.Value ?? string.Empty;
            var offset = Frames(item.Attribute("offset")?.Value, $"{name} offset");
            if (offset != position)
            {
                throw new FormatException($"{name}: offset frame {offset}, but the item before ends at frame {position}");
            }

            var length = Frames(item.Attribute("duration")?.Value, $"{name} duration");
            string? src = null;
            if (item.Attribute("ref") is { } reference && !assets.TryGetValue(reference.Value, out src))
            {
                throw new FormatException($"{name}: ref {reference.Value} names no asset");
            }

            var connected = item.Elements("asset-clip").Select(c => (assets[c.Attribute("ref")!.Value], c.Attribute("lane")?.Value ?? "0", Frames(c.Attribute("duration")!.Value, "connected clip"))).ToList();
            spine.Add(new FcpxmlSpineItem(
                item.Name.LocalName, name, offset, Frames(item.Attribute("start")?.Value, $"{name} start"), length, src,
                item.Elements("marker").Select(m => m.Attribute("value")!.Value).ToList(),
                item.Element("metadata")?.Elements("md").ToDictionary(m => m.Attribute("key")!.Value, m => m.Attribute("value")?.Value ?? string.Empty, StringComparer.Ordinal)
                    ?? new Dictionary<string, string>(StringComparer.Ordinal),
                connected));
            position += length;
        }

        if (position != duration)
        {
            throw new FormatException($"the spine ends at frame {position}, the sequence lasts {duration}");
        }

        return (fdNum, fdDen, duration, spine);
    }

    private static (long Num, long Den) Rational(string value)
    {
        if (!value.EndsWith('s'))
        {
            throw new FormatException($"time '{value}' does not end in 's'");
        }

        var body = value[..^1];
        var slash = body.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? (long.Parse(body, CultureInfo.InvariantCulture), 1)
            : (long.Parse(body[..slash], CultureInfo.InvariantCulture), long.Parse(body[(slash + 1)..], CultureInfo.InvariantCulture));
    }
}
