using StarSend.Emulator.Faults;
using StarSend.Emulator.Http;

namespace StarSend.Emulator.Routing;

internal enum KeyCheck
{
    None,
    Fal,
    Google,

    /// <summary>Leonardo: <c>authorization: Bearer &lt;key&gt;</c>.</summary>
    Leonardo,
}

/// <summary>Where a request goes: its fault target, its stats key, its model, the key it needs, and its handler.</summary>
internal sealed record Route(string? Target, string StatsKey, string? Model, KeyCheck Key, Func<EmulatorRequest, FaultRule?, Task<Reply>> HandleAsync)
{
    /// <summary>A route whose handler answers at once (most of them: the body is already in memory).</summary>
    public Route(string? target, string statsKey, string? model, KeyCheck key, Func<EmulatorRequest, FaultRule?, Reply> handle)
        : this(target, statsKey, model, key, (request, fault) => Task.FromResult(handle(request, fault)))
    {
    }
}
