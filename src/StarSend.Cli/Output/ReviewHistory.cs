using System.Globalization;
using System.Text.Json;
using StarSend.Core.Json;
using StarSend.Core.Sequences;

namespace StarSend.Cli.Output;

/// <summary>What <c>status SEQ</c> adds for one sequence: each take's review status and the review history.</summary>
internal static class ReviewHistory
{
    public static async Task WriteAsync(TextWriter writer, SequenceRecord record)
    {
        if (record.Omitted)
        {
            await writer.WriteLineAsync($"{record.Id} is omitted from the edit ('starsend restore {record.Id}' puts it back)");
        }

        foreach (var take in record.Takes)
        {
            var status = Name(SequenceReview.StatusOf(record, take));
            var reason = status == "retake" && take.RetakeReason is { } r ? $": {r}" : string.Empty;
            await writer.WriteLineAsync($"take {take.Number}: {status}{reason}");
        }

        if (record.History.Count == 0)
        {
            await writer.WriteLineAsync("history: no review decisions yet");
            return;
        }

        await writer.WriteLineAsync("history:");
        await writer.WriteAsync(TextTable.Render(
            ["WHEN", "WHAT", "TAKE", "WHO", "RUN", "TEXT"],
            record.History.Select(e => (IReadOnlyList<string>)[
                e.At.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                Name(e.Action),
                e.Take?.ToString(CultureInfo.InvariantCulture) ?? "-",
                e.Who,
                e.RunId,
                (e.Text ?? string.Empty) + (e.Source is null ? string.Empty : $" [{e.Source}]")])));
    }

    private static string Name<T>(T value) => JsonSerializer.Serialize(value, StarSendJson.Options).Trim('"');
}
