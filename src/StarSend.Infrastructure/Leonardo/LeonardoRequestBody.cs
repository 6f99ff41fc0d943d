using System.Text.Json.Nodes;
using StarSend.Core.Providers;
using StarSend.Core.Providers.VideoModels;

namespace StarSend.Infrastructure.Leonardo;

/// <summary>The create bodies: v1 <c>generations-image-to-video</c> or v2 <c>generations</c>, by the model's declared API.</summary>
internal static class LeonardoRequestBody
{
    /// <summary>The path under the REST root the create goes to.</summary>
    public static string PathFor(VideoModelCapabilities caps) => caps.CreateApi == "v1" ? "v1/generations-image-to-video" : "v2/generations";

    /// <summary>
    /// The body for one shot. <paramref name="job"/>'s start image is the init-image id (<c>UPLOADED</c>). v2
    /// ([P] docs kling-30, providers-2.md §2.5/§2.8): <c>{model, public, parameters: {prompt, duration, mode, width,
    /// height, guidances.start_frame}}</c>, plus <c>motion_has_audio: false</c> for Kling (StarSend makes silent
    /// takes; the song is the sound). Sizes for RESOLUTION_1080 ([S]): 1920×1080, 1440×1440, 1080×1920.
    /// v1 ([P] SDK, providers-2.md §2.3): <c>{imageId, imageType: "UPLOADED", prompt, model, resolution, isPublic}</c>;
    /// no duration for MOTION2 (v1 documents it only for VEO3 and KLING2_5: [U] for Motion 2.0).
    /// </summary>
    public static JsonObject Build(VideoJob job, VideoModelCapabilities caps)
    {
        var shot = job.Shots[0];
        if (caps.CreateApi == "v1")
        {
            return new JsonObject
            {
                ["imageId"] = job.StartImageUrl,
                ["imageType"] = "UPLOADED",
                ["prompt"] = shot.Prompt,
                ["model"] = caps.WireModel,
                ["resolution"] = caps.Resolutions[0],
                ["isPublic"] = false,
            };
        }

        var (width, height) = job.AspectRatio switch
        {
            "9:16" => (1080, 1920),
            "1:1" => (1440, 1440),
            _ => (1920, 1080),
        };
        var parameters = new JsonObject
        {
            ["prompt"] = shot.Prompt,
            ["duration"] = shot.DurationS,
            ["mode"] = caps.Resolutions[0],
            ["width"] = width,
            ["height"] = height,
        };
        if (caps.WireModel.StartsWith("kling", StringComparison.Ordinal))
        {
            parameters["motion_has_audio"] = job.GenerateAudio;
        }

        parameters["guidances"] = new JsonObject
        {
            ["start_frame"] = new JsonArray(new JsonObject { ["image"] = new JsonObject { ["id"] = job.StartImageUrl, ["type"] = "UPLOADED" } }),
        };
        return new JsonObject { ["model"] = caps.WireModel, ["public"] = false, ["parameters"] = parameters };
    }
}
