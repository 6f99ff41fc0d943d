namespace StarSend.Core.Providers;

/// <summary>A Gemini image model: text and reference images in, one image out.</summary>
public interface IImageProvider
{
    /// <summary>
    /// Generates one image. A 200 answer with no image is a <c>ProviderException</c> with kind NoImage or
    /// ContentPolicy, never a retry loop. Falls back to the fallback model when the main one is not served.
    /// </summary>
    Task<GeneratedImage> GenerateAsync(ImageJob job, CancellationToken cancellationToken);
}

public sealed record ImageJob
{
    public required string Prompt { get; init; }

    public IReadOnlyList<ReferenceImage> References { get; init; } = [];

    public string AspectRatio { get; init; } = "16:9";
}

public sealed record ReferenceImage(byte[] Data, string MimeType);

public sealed record GeneratedImage
{
    public required byte[] Data { get; init; }

    public required string MimeType { get; init; }

    public required string Model { get; init; }

    public required decimal CostUsd { get; init; }

    /// <summary>Any text the model returned with the image.</summary>
    public string? Text { get; init; }
}
