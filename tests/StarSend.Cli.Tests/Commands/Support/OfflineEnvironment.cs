namespace StarSend.Cli.Tests.Commands.Support;

/// <summary>Keys set and every provider URL on a closed loopback port: a command that tried to pay would fail, never reach anyone.</summary>
internal static class OfflineEnvironment
{
    public static Dictionary<string, string?> Create() => new(StringComparer.Ordinal)
    {
        ["STARSEND_FAL_QUEUE_URL"] = "http://127.0.0.1:9",
        ["STARSEND_FAL_REST_URL"] = "http://127.0.0.1:9",
        ["STARSEND_GEMINI_URL"] = "http://127.0.0.1:9",
        ["FAL_KEY"] = "offline-id:offline-secret",
        ["GEMINI_API_KEY"] = "offline-gemini-key",
    };
}
