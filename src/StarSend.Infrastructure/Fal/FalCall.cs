namespace StarSend.Infrastructure.Fal;

/// <summary>Which fal.ai call answered, for error messages and for what a 404 means.</summary>
internal enum FalCall
{
    Submit,
    Status,
    Result,
    Cancel,
    Upload,

    /// <summary>The Platform API's request listing (a lost submit's lookup).</summary>
    History,
}
