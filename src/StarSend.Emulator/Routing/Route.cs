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
internal sealed record Route(string? Target, string StatsKey, string? Model, KeyCheck Key, Func<EmulatorRequest, FaultRule?, Reply> Handle);
