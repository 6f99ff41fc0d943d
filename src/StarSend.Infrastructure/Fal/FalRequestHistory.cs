using System.Globalization;
using System.Text.Json.Nodes;
using StarSend.Core.Errors;
using StarSend.Core.Providers;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Fal;

/// <summary>
/// fal's Platform API request listing, <c>GET {platform}/v1/models/requests/by-endpoint?endpoint_id=…&amp;start=…&amp;end=…
/// &amp;expand=payloads</c> with <c>Authorization: Key …</c>, read to find the job of a submit whose answer was lost (issue #8
/// item 5). The answer's shape is not in fal's docs read for providers.md; public callers read <c>items</c> (also
/// <c>requests</c>, <c>data</c> or a bare list), each with <c>request_id</c> (or <c>id</c>), <c>sent_at</c> and, when payload
/// storage is on, <c>json_input</c>, paged by <c>next_cursor</c>/<c>has_more</c>; every one of those spellings is accepted.
/// </summary>
internal sealed class FalRequestHistory(FalApi api, FalOptions options, FalQueue queue)
{
    private const int MaxPages = 20;

    public async Task<SubmitLookup> FindAsync(
        VideoJob job, JsonObject body, DateTimeOffset sentFrom, DateTimeOffset sentUntil, IReadOnlyCollection<string> known, CancellationToken cancellationToken)
    {
        var items = new List<JsonObject>();
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var url = PageUrl(job.Model, sentFrom, sentUntil, cursor);
            var (_, json) = await api.SendRepeatableAsync(
                FalCall.History, job.Model, null, HttpMethod.Get, url, null, _ => false, cancellationToken);
            var (found, next) = Read(json);
            items.AddRange(found);
            if (next is null)
            {
                break;
            }

            cursor = next;
        }

        var window = $"{sentFrom:yyyy-MM-dd HH:mm:ss} to {sentUntil:HH:mm:ss} UTC";
        var candidates = items
            .Where(i => Id(i) is { } id && !known.Contains(id))
            .Where(i => JsonText.Of(i["endpoint_id"]) is not { } endpoint || endpoint == job.Model)
            .Where(i => SentAt(i) is not { } at || (at >= sentFrom && at <= sentUntil))
            .ToList();
        var matches = candidates.Where(i => Input(i) is { } input && JsonNode.DeepEquals(input, body)).ToList();
        return matches.Count switch
        {
            1 => new SubmitLookup(
                SubmitLookupOutcome.Found,
                queue.HandleFor(job, Id(matches[0])!),
                $"fal.ai's request history lists request {Id(matches[0])} with this input, sent {SentAt(matches[0]):HH:mm:ss} UTC"),
            > 1 => new SubmitLookup(SubmitLookupOutcome.Ambiguous, null, $"fal.ai's request history lists {matches.Count} unknown requests with this input from {window}"),
            _ when candidates.Any(i => Input(i) is null) => new SubmitLookup(
                SubmitLookupOutcome.Ambiguous,
                null,
                $"fal.ai's request history lists {candidates.Count(i => Input(i) is null)} unknown request(s) of {job.Model} from {window} without their input (payload storage off), so it cannot tell"),
            _ => new SubmitLookup(SubmitLookupOutcome.NoneAccepted, null, $"fal.ai's request history holds no request of {job.Model} with this input from {window}"),
        };
    }

    private Uri PageUrl(string model, DateTimeOffset sentFrom, DateTimeOffset sentUntil, string? cursor)
    {
        var query = $"endpoint_id={Uri.EscapeDataString(model)}&start={Uri.EscapeDataString(Iso(sentFrom))}&end={Uri.EscapeDataString(Iso(sentUntil))}&expand=payloads&limit=100";
        if (cursor is not null)
        {
            query += "&cursor=" + Uri.EscapeDataString(cursor);
        }

        return new Uri($"{options.PlatformApi.ToString().TrimEnd('/')}/v1/models/requests/by-endpoint?{query}");
    }

    private static (IEnumerable<JsonObject> Items, string? NextCursor) Read(JsonNode? json)
    {
        var list = json switch
        {
            JsonArray array => array,
            JsonObject obj => obj["items"] as JsonArray ?? obj["requests"] as JsonArray ?? obj["data"] as JsonArray,
            _ => null,
        };
        if (list is null)
        {
            throw new ProviderException("fal.ai's request history answered without a list of requests", ProviderErrorKind.Other);
        }

        var more = json is JsonObject o && (o["has_more"] is not JsonValue m || !m.TryGetValue<bool>(out var hasMore) || hasMore)
            ? JsonText.Of(o["next_cursor"]) ?? JsonText.Of(o["cursor"])
            : null;
        return (list.OfType<JsonObject>(), more);
    }

    private static string? Id(JsonObject item) => JsonText.Of(item["request_id"]) ?? JsonText.Of(item["id"]);

    private static DateTimeOffset? SentAt(JsonObject item) =>
        (JsonText.Of(item["sent_at"]) ?? JsonText.Of(item["created_at"])) is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;

    private static JsonNode? Input(JsonObject item) =>
        item["json_input"] as JsonObject ?? item["input"] as JsonObject ?? (item["payload"] as JsonObject)?["input"] as JsonObject;

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
