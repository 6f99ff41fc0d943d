using Microsoft.AspNetCore.Http;
using StarSend.Emulator.Control;
using StarSend.Emulator.Faults;
using StarSend.Emulator.Gemini;
using StarSend.Emulator.Http;

namespace StarSend.Emulator.Routing;

/// <summary>
/// Every request passes here: counted, checked for its key, delayed (latency, stall), answered by its handler or
/// by a fault, and written whole, cut short or dropped.
/// </summary>
internal sealed class Dispatcher(EmulatorOptions options, Router router, ControlEndpoints control, RequestCounter counter, FaultBook faults)
{
    public async Task HandleAsync(HttpContext context, string baseUrl, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var cancellationToken = linked.Token;
        var body = await ReadBodyAsync(context.Request, cancellationToken);
        var request = new EmulatorRequest(context, body, baseUrl);
        if (request.Path.StartsWith(ControlEndpoints.Prefix, StringComparison.Ordinal))
        {
            await ReplyWriter.WriteAsync(context, control.Handle(request), null, cancellationToken);
            return;
        }

        var route = router.Match(request.Method, request.Path);
        counter.Count(route.StatsKey, route.Model);
        if (KeyProblem(route, request) is { } refused)
        {
            await ReplyWriter.WriteAsync(context, refused, null, cancellationToken);
            return;
        }

        // A Leonardo create names its model in the body, not the path: a rule for a named model matches on it.
        var model = route.Target == FaultTargets.LeonardoCreate ? Leonardo.LeonardoRoutes.ModelOf(body) : route.Model;
        var fault = route.Target is null ? null : faults.Next(route.Target, model);
        if (route.Target is not null && options.Latency.TryGetValue(route.Target, out var latency) && latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, options.Time, cancellationToken);
        }

        if (fault?.Kind == FaultKind.Stall)
        {
            await Task.Delay(fault.StallTime, cancellationToken);
        }

        var reply = (fault is null ? null : FaultReplies.Replace(fault, model)) ?? await HandleAsync(route, request, fault);
        await ReplyWriter.WriteAsync(context, reply, fault, cancellationToken);
    }

    private static async Task<Reply> HandleAsync(Route route, EmulatorRequest request, FaultRule? fault)
    {
        try
        {
            return await route.HandleAsync(request, fault);
        }
#pragma warning disable CA1031 // A bug in the emulator must answer like a server error, not kill the connection.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return FalErrors.Flat(500, $"Emulator failed: {e.GetType().Name}: {e.Message}", "internal_error");
        }
    }

    private static Reply? KeyProblem(Route route, EmulatorRequest request)
    {
        switch (route.Key)
        {
            case KeyCheck.Fal:
                var authorization = request.Header("Authorization") ?? string.Empty;
                return authorization.StartsWith("Key ", StringComparison.Ordinal) && authorization[4..].Trim().Length > 0 ? null : FalErrors.Unauthorized();
            case KeyCheck.Leonardo:
                var bearer = request.Header("Authorization") ?? string.Empty;
                return bearer.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && bearer[7..].Trim().Length > 0 ? null : Leonardo.LeonardoErrors.Unauthorized();
            case KeyCheck.Google:
                var key = request.Header("x-goog-api-key") ?? request.Query("key");
                return string.IsNullOrWhiteSpace(key) ? GoogleErrors.MissingKey() : null;
            default:
                return null;
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
