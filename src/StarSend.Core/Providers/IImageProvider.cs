namespace StarSend.Core.Providers;

/// <summary>A Gemini image model: text and reference images in, one image out.</summary>
public interface IImageProvider
{
    /// <summary>
    /// Generates one image (one paid call, never a retry loop on an answer). A 200 answer with no image is a
    /// <c>ProviderException</c> with kind NoImage (finishReason NO_IMAGE or IMAGE_OTHER, or no image part: the caller
    /// may ask once more) or ContentPolicy (a safety refusal: not asked again). A quota that cannot recover is an
    /// <c>AccountBlockedException</c>, and later calls of the same provider fail with it without a request. Falls
    /// back to the fallback model when the main one is not served.
    /// </summary>
    Task<GeneratedImage> GenerateAsync(ImageJob job, CancellationToken cancellationToken);
}

public sealed record ImageJob
{
    public required string Prompt { get; init; }

    public IReadOnlyList<ReferenceImage> References { get; init; } = [];

    public string AspectRatio { get; init; } = "16:9";

    /// <summary>
    /// The model to call, exactly (the StepRunner walks the fallback chain itself, one recorded call per model); null
    /// lets the provider use its configured model and its own fallback.
    /// </summary>
    public string? Model { get; init; }
}

public sealed record ReferenceImage(byte[] Data, string MimeType);

public sealed record GeneratedImage
{
    /// <summary>The image to use: the last image part not flagged as a thought, or the last image if all are.</summary>
    public required byte[] Data { get; init; }

    /// <summary>The type <see cref="Data"/>'s bytes say (PNG, JPEG, WebP), else the answer's label; never the label over the bytes.</summary>
    public required string MimeType { get; init; }

    /// <summary>
    /// Every image part of the paid answer, in answer order (drafts, thoughts and duplicates included), so that the
    /// caller keeps them all on disk. Empty from providers that return a single image; <see cref="Data"/> is one of them.
    /// </summary>
    public IReadOnlyList<GeneratedImagePart> Images { get; init; } = [];

    public required string Model { get; init; }

    public required decimal CostUsd { get; init; }

    /// <summary>Any text the model returned with the image.</summary>
    public string? Text { get; init; }
}
