using System.Text.Json;
using System.Text.Json.Nodes;
using StarSend.Emulator.Faults;
using StarSend.Emulator.Http;
using StarSend.Emulator.Kling;
using StarSend.Emulator.Queue;

namespace StarSend.Emulator.Control;

/// <summary><c>/_emulator/stats</c>, <c>/_emulator/faults</c> and <c>/_emulator/reset</c>: not part of any vendor protocol, never faulted or counted.</summary>
internal sealed class ControlEndpoints(RequestCounter counter, FaultBook faults, JobStore jobs)
{
    public const string Prefix = "/_emulator/";

    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public Reply Handle(EmulatorRequest request) => (request.Method, request.Path.TrimEnd('/')) switch
    {
        ("GET", "/_emulator/stats") => Reply.Json(200, JsonSerializer.SerializeToNode(counter.Snapshot(), SnakeCase)!),
        ("POST", "/_emulator/faults") => SetFaults(request),
        ("POST", "/_emulator/reset") => Reset(),
        _ => FalErrors.NotFound(),
    };

    private Reply SetFaults(EmulatorRequest request)
    {
        var body = request.JsonBody();
        if (body is null || (JsonRead.IsPresent(body, "spec") && !JsonRead.IsString(body["spec"])))
        {
            return FalErrors.Flat(400, "Send {\"spec\":\"TARGET:FAULT[=ARG][@WHEN];...\"}");
        }

        try
        {
            faults.Replace(JsonRead.String(body, "spec"));
        }
        catch (FormatException e)
        {
            return FalErrors.Flat(400, e.Message);
        }

        return Reply.Json(200, new JsonObject { ["spec"] = faults.Spec });
    }

    private Reply Reset()
    {
        counter.Reset();
        jobs.Clear();
        faults.Replace(null);
        return Reply.Json(200, new JsonObject { ["reset"] = true });
    }
}
