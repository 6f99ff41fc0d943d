namespace StarSend.Emulator;

/// <summary>Request counts, as served by GET /_emulator/stats (snake_case JSON).</summary>
public sealed record EmulatorStats
{
    /// <summary>Requests per endpoint: submit, status, result, cancel, upload_initiate, upload_put, download, gemini, requests (the Platform API listing).</summary>
    public Dictionary<string, int> Requests { get; init; } = [];

    /// <summary>Requests per model id (submits and generateContent).</summary>
    public Dictionary<string, int> ByModel { get; init; } = [];

    /// <summary>Jobs the queue accepted (and would bill), including ones whose response was lost.</summary>
    public int SubmitsAccepted { get; init; }

    /// <summary>Images generated (billed) by the Gemini endpoint.</summary>
    public int ImagesGenerated { get; init; }

    /// <summary>Leonardo generations accepted (and billed), including ones whose create answer was lost.</summary>
    public int LeonardoGenerationsAccepted { get; init; }

    /// <summary>Structured (JSON) Gemini answers produced and billed: start-frame analyses and feedback rewrites, valid or not.</summary>
    public int StructuredAnswers { get; init; }
}
