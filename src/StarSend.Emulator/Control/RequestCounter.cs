namespace StarSend.Emulator.Control;

/// <summary>Counts every request by endpoint and model, accepted submits and generated images.</summary>
internal sealed class RequestCounter
{
    public const string Submit = "submit";
    public const string Status = "status";
    public const string Result = "result";
    public const string Cancel = "cancel";
    public const string UploadInitiate = "upload_initiate";
    public const string UploadPut = "upload_put";
    public const string Download = "download";
    public const string Gemini = "gemini";
    public const string Requests = "requests";
    public const string Other = "other";
    public const string LeonardoInitImage = "leonardo_init_image";
    public const string LeonardoUpload = "leonardo_upload";
    public const string LeonardoCreate = "leonardo_create";
    public const string LeonardoStatus = "leonardo_status";
    public const string LeonardoDelete = "leonardo_delete";
    public const string LeonardoDownload = "leonardo_download";

    private static readonly string[] Keys =
    [
        Submit, Status, Result, Cancel, UploadInitiate, UploadPut, Download, Gemini, Requests, Other,
        LeonardoInitImage, LeonardoUpload, LeonardoCreate, LeonardoStatus, LeonardoDelete, LeonardoDownload,
    ];

    private readonly object _gate = new();
    private readonly Dictionary<string, int> _requests = [];
    private readonly Dictionary<string, int> _byModel = [];
    private int _submitsAccepted;
    private int _imagesGenerated;
    private int _generationsAccepted;
    private int _structuredAnswers;

    public void Count(string endpoint, string? model)
    {
        lock (_gate)
        {
            _requests[endpoint] = _requests.GetValueOrDefault(endpoint) + 1;
            if (model is not null)
            {
                _byModel[model] = _byModel.GetValueOrDefault(model) + 1;
            }
        }
    }

    public void SubmitAccepted() => Interlocked.Increment(ref _submitsAccepted);

    public void ImageGenerated() => Interlocked.Increment(ref _imagesGenerated);

    /// <summary>A structured (JSON) Gemini answer that was produced (and would be billed), whether or not it reached the client.</summary>
    public void StructuredAnswered() => Interlocked.Increment(ref _structuredAnswers);

    /// <summary>A Leonardo create that was accepted (and would be billed), whether or not its answer reached the client.</summary>
    public void GenerationAccepted() => Interlocked.Increment(ref _generationsAccepted);

    public EmulatorStats Snapshot()
    {
        lock (_gate)
        {
            return new EmulatorStats
            {
                Requests = Keys.ToDictionary(k => k, k => _requests.GetValueOrDefault(k)),
                ByModel = new Dictionary<string, int>(_byModel),
                SubmitsAccepted = Volatile.Read(ref _submitsAccepted),
                ImagesGenerated = Volatile.Read(ref _imagesGenerated),
                LeonardoGenerationsAccepted = Volatile.Read(ref _generationsAccepted),
                StructuredAnswers = Volatile.Read(ref _structuredAnswers),
            };
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _requests.Clear();
            _byModel.Clear();
            Interlocked.Exchange(ref _submitsAccepted, 0);
            Interlocked.Exchange(ref _imagesGenerated, 0);
            Interlocked.Exchange(ref _generationsAccepted, 0);
            Interlocked.Exchange(ref _structuredAnswers, 0);
        }
    }
}
