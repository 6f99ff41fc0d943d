using StarSend.Core.Errors;

namespace StarSend.Infrastructure.Fal;

/// <summary>What one family of Kling endpoints on fal takes (providers.md §2.3).</summary>
internal sealed record KlingEndpoint
{
    /// <summary><c>start_image_url</c> (reference-to-video, V3, v2.6) or <c>image_url</c> (O3 and V3-turbo image-to-video, 2.x).</summary>
    public string? StartFrameField { get; init; } = "start_image_url";

    public bool StartFrameRequired { get; init; }

    public bool Elements { get; init; }

    public bool AspectRatio { get; init; }

    public bool MultiPrompt { get; init; } = true;

    public bool ShotType { get; init; } = true;

    public bool GenerateAudio { get; init; } = true;

    /// <summary>Null means any whole second from 3 to 15.</summary>
    public IReadOnlyList<int>? Durations { get; init; }

    private static readonly KlingEndpoint ReferenceToVideo = new() { Elements = true, AspectRatio = true };
    private static readonly KlingEndpoint O3ImageToVideo = new() { StartFrameField = "image_url", StartFrameRequired = true };
    private static readonly KlingEndpoint V3ImageToVideo = new() { StartFrameRequired = true, Elements = true };
    private static readonly KlingEndpoint V3TurboImageToVideo = new() { StartFrameField = "image_url", StartFrameRequired = true, ShotType = false, GenerateAudio = false };
    private static readonly KlingEndpoint TextToVideo = new() { StartFrameField = null, AspectRatio = true };
    private static readonly KlingEndpoint V26ImageToVideo = new() { StartFrameRequired = true, MultiPrompt = false, ShotType = false, Durations = [5, 10] };
    private static readonly KlingEndpoint V2ImageToVideo = new()
    {
        StartFrameField = "image_url", StartFrameRequired = true, MultiPrompt = false, ShotType = false, GenerateAudio = false, Durations = [5, 10],
    };

    public static KlingEndpoint For(string model)
    {
        if (!model.StartsWith("fal-ai/kling-video/", StringComparison.Ordinal))
        {
            throw Unknown(model);
        }

        var path = model["fal-ai/kling-video/".Length..];
        return path switch
        {
            _ when path.EndsWith("/reference-to-video", StringComparison.Ordinal) => ReferenceToVideo,
            _ when path.EndsWith("/text-to-video", StringComparison.Ordinal) && (path.StartsWith("o3/") || path.StartsWith("v3/")) => TextToVideo,
            _ when !path.EndsWith("/image-to-video", StringComparison.Ordinal) => throw Unknown(model),
            _ when path.StartsWith("o3/") => O3ImageToVideo,
            _ when path.StartsWith("v3/turbo/") => V3TurboImageToVideo,
            _ when path.StartsWith("v3/") => V3ImageToVideo,
            _ when path.StartsWith("v2.6/") => V26ImageToVideo,
            _ when path.StartsWith("v2") => V2ImageToVideo,
            _ => throw Unknown(model),
        };
    }

    private static BadInputException Unknown(string model) => new(
        $"video model '{model}' is not a Kling endpoint StarSend knows; use one of fal-ai/kling-video/{{o3|v3}}/<tier>/{{reference-to-video|image-to-video|text-to-video}}, v3/turbo, v2.6 or v2.x image-to-video");
}
