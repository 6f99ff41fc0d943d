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

    /// <summary>Leonardo's <c>POST /init-image</c> and the presigned storage POST.</summary>
    public const string LeonardoUpload = "leonardo-upload";

    /// <summary>Leonardo's v1 and v2 creates.</summary>
    public const string LeonardoCreate = "leonardo-create";

    /// <summary>Leonardo's <c>GET /generations/{id}</c>.</summary>
    public const string LeonardoStatus = "leonardo-status";

    /// <summary>The MP4 on Leonardo's CDN path.</summary>
    public const string LeonardoDownload = "leonardo-download";

    public static IReadOnlyList<string> All { get; } = [Submit, Status, Result, Cancel, Upload, Download, Gemini, Requests, LeonardoUpload, LeonardoCreate, LeonardoStatus, LeonardoDownload];

    public static bool IsLeonardo(string target) => target.StartsWith("leonardo-", StringComparison.Ordinal);
}
