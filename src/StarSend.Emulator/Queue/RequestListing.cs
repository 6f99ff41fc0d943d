using System.Globalization;
using System.Text.Json.Nodes;
using StarSend.Emulator.Faults;
using StarSend.Emulator.Http;

namespace StarSend.Emulator.Queue;

/// <summary>
/// fal's Platform API request listing, <c>GET /v1/models/requests/by-endpoint?endpoint_id=…&amp;start=…&amp;end=…</c>
/// (auth <c>Key …</c>): <c>{"items":[{request_id, endpoint_id, sent_at, started_at, ended_at, status, json_input}],
/// "has_more", "next_cursor"}</c>, oldest first, <c>limit</c> per page (default 50), <c>json_input</c> only with
/// <c>expand=payloads</c> (or <c>expand_payloads=true</c>) and when the submit stored its payload. The shape follows
/// public callers of the endpoint (providers.md §1.1 names the Platform API host; the item fields are the issue's).
/// </summary>
internal sealed class RequestListing(EmulatorOptions options, JobStore jobs)
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 100;

    public Reply List(EmulatorRequest request, FaultRule? fault)
    {
        var endpoint = request.Query("endpoint_id");
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return FalErrors.Validation([new FieldError(["query", "endpoint_id"], "Field required", "missing")]);
        }

        if (!TryTime(request.Query("start"), out var start) || !TryTime(request.Query("end"), out var end))
        {
            return FalErrors.Validation([new FieldError(["query", "start"], "Input should be a valid datetime", "datetime_parsing")]);
        }

        var limit = int.TryParse(request.Query("limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? Math.Min(l, MaxLimit) : DefaultLimit;
        var offset = int.TryParse(request.Query("cursor"), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 0;
        var payloads = request.Query("expand") is { } expand && expand.Contains("payloads", StringComparison.Ordinal)
            || request.Query("expand_payloads") is "true" or "1";
        var now = options.Time.GetUtcNow();
        var matching = jobs.ForEndpoint(endpoint)
            .Where(j => (start is null || j.SubmittedAt >= start) && (end is null || j.SubmittedAt <= end))
            .ToList();
        var page = matching.Skip(offset).Take(limit).ToList();
        var items = new JsonArray();
        foreach (var job in page)
        {
            var snapshot = job.At(now);
            var item = new JsonObject
            {
                ["request_id"] = job.RequestId,
                ["endpoint_id"] = job.ModelId,
                ["sent_at"] = StatusBody.Timestamp(job.SubmittedAt),
                ["started_at"] = snapshot.Phase == JobPhase.InQueue ? null : StatusBody.Timestamp(job.StartsAt),
                ["ended_at"] = snapshot.CompletedAt is { } at ? StatusBody.Timestamp(at) : null,
                ["status"] = snapshot.Phase switch
                {
                    JobPhase.InQueue => "IN_QUEUE",
                    JobPhase.InProgress => "IN_PROGRESS",
                    _ => snapshot.Outcome == JobOutcome.Succeeded ? "success" : "error",
                },
            };
            if (payloads && job.StoresPayload && fault?.Kind != FaultKind.NoPayload)
            {
                item["json_input"] = job.Input.DeepClone();
            }

            items.Add(item);
        }

        var more = offset + page.Count < matching.Count;
        return Reply.Json(200, new JsonObject
        {
            ["items"] = items,
            ["has_more"] = more,
            ["next_cursor"] = more ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null,
        });
    }

    private static bool TryTime(string? text, out DateTimeOffset? at)
    {
        at = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            at = parsed;
            return true;
        }

        return false;
    }
}
