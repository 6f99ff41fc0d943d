namespace StarSend.Emulator.Faults;

/// <summary>The request kinds a fault rule can aim at; each counts its own requests.</summary>
internal static class FaultTargets
{
    public const string Submit = "submit";
    public const string Status = "status";
    public const string Result = "result";
    public const string Cancel = "cancel";
    public const string Upload = "upload";
    public const string Download = "download";
    public const string Gemini = "gemini";

    /// <summary>fal's Platform API request listing (<c>GET /v1/models/requests/by-endpoint</c>).</summary>
    public const string Requests = "requests";

    public static IReadOnlyList<string> All { get; } = [Submit, Status, Result, Cancel, Upload, Download, Gemini, Requests];
}
