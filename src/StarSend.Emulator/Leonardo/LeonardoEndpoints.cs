using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using StarSend.Emulator.Control;
using StarSend.Emulator.Faults;
using StarSend.Emulator.Http;
using StarSend.Emulator.Kling;
using StarSend.Emulator.Outputs;
using StarSend.Emulator.Storage;
using StarSend.Imaging;

namespace StarSend.Emulator.Leonardo;

/// <summary>
/// Leonardo.Ai's REST API as StarSend and the official SDK use it (providers-2.md §2): <c>POST /v1/init-image</c> with a
/// presigned POST to the emulator's own S3-like path, v1 <c>generations-image-to-video</c> and v2 <c>generations</c>,
/// <c>GET</c>/<c>DELETE /v1/generations/{id}</c>, and the MP4 on a CDN-like path. Jobs move on the injected clock.
/// </summary>
internal sealed class LeonardoEndpoints(EmulatorOptions options, FileStore files, RequestCounter counter)
{
    /// <summary>Where the REST API lives under the emulator's base URL (as <c>/api/rest</c> under cloud.leonardo.ai).</summary>
    public const string RestRoot = "/api/rest";

    public const string S3Path = "/leonardo-s3/emulator-leonardo-images";

    public const string CdnPath = "/leonardo-cdn";

    /// <summary>"The presigned URL expires in 2 minutes" ([P] docs, providers-2.md §2.2).</summary>
    public static readonly TimeSpan UploadValidity = TimeSpan.FromMinutes(2);

    private static readonly string[] Extensions = ["png", "jpg", "jpeg", "webp"];
    private static readonly string[] RequiredFields = ["Content-Type", "bucket", "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "key", "Policy", "X-Amz-Signature"];
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("emulator-leonardo-signing-secret");

    private readonly ConcurrentDictionary<string, InitImage> _initImages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LeonardoJob> _jobs = new(StringComparer.Ordinal);

    public Reply InitImage(EmulatorRequest request)
    {
        var extension = request.JsonBody()?["extension"] is JsonValue v && v.TryGetValue<string>(out var e) ? e.ToLowerInvariant() : null;
        if (extension is null || !Extensions.Contains(extension))
        {
            return LeonardoErrors.Error(400, "invalid file extension");
        }

        var id = Guid.NewGuid().ToString();
        var key = $"user/emulator/initImages/{id}.{extension}";
        var now = options.Time.GetUtcNow();
        var expires = now + UploadValidity;
        var file = files.Reserve($"{id}.{extension}", ContentTypeOf(extension));
        _initImages[id] = new InitImage(id, extension, key, expires, file);
        var policy = Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject
        {
            ["expiration"] = expires.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["conditions"] = new JsonArray(new JsonObject { ["bucket"] = "emulator-leonardo-images" }, new JsonObject { ["key"] = key }),
        }.ToJsonString()));
        var fields = new JsonObject
        {
            ["Content-Type"] = ContentTypeOf(extension),
            ["bucket"] = "emulator-leonardo-images",
            ["X-Amz-Algorithm"] = "AWS4-HMAC-SHA256",
            ["X-Amz-Credential"] = $"EMULATOR/{now:yyyyMMdd}/us-east-1/s3/aws4_request",
            ["X-Amz-Date"] = now.ToString("yyyyMMddTHHmmssZ", CultureInfo.InvariantCulture),
            ["X-Amz-Security-Token"] = "emulator-session-token",
            ["key"] = key,
            ["Policy"] = policy,
            ["X-Amz-Signature"] = Sign(policy),
        };
        return Reply.Json(200, new JsonObject
        {
            ["uploadInitImage"] = new JsonObject
            {
                ["id"] = id,
                ["url"] = request.BaseUrl + S3Path,
                ["key"] = key,
                ["fields"] = fields.ToJsonString(),
            },
        });
    }

    /// <summary>
    /// The presigned POST: every policy field, then the file, before the policy expires, with bytes of the type the
    /// extension names. Refuses a JSON body, a file before the fields, a missing or altered field, and an expired policy.
    /// </summary>
    public async Task<Reply> PresignedUploadAsync(EmulatorRequest request, FaultRule? fault)
    {
        if (fault?.Kind == FaultKind.Expire)
        {
            return LeonardoErrors.S3(403, "AccessDenied", "Invalid according to Policy: Policy expired.");
        }

        var post = await PresignedPost.ReadAsync(request.Header("Content-Type"), request.Body);
        if (post is null)
        {
            return LeonardoErrors.S3(412, "PreconditionFailed", "Bucket POST must be of the enclosure-type multipart/form-data");
        }

        if (post.File is null)
        {
            return LeonardoErrors.S3(400, "InvalidArgument", "POST requires exactly one file upload per request.");
        }

        var fields = post.FieldsBeforeFile.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase);
        if (RequiredFields.FirstOrDefault(f => !fields.ContainsKey(f)) is { } missing)
        {
            var late = post.FieldsAfterFile.Contains(missing, StringComparer.OrdinalIgnoreCase) ? " (it came after the file; fields after the file are ignored)" : string.Empty;
            return LeonardoErrors.S3(400, "InvalidArgument", $"Bucket POST must contain a field named '{missing}'.{late}");
        }

        var image = _initImages.Values.FirstOrDefault(i => i.Key == fields["key"]);
        if (image is null || Sign(fields["Policy"]) != fields["X-Amz-Signature"])
        {
            return LeonardoErrors.S3(403, "AccessDenied", "Invalid according to Policy: Policy Condition failed: [\"eq\", \"$key\"]");
        }

        if (options.Time.GetUtcNow() > image.ExpiresAt)
        {
            return LeonardoErrors.S3(403, "AccessDenied", "Invalid according to Policy: Policy expired.");
        }

        ImageFormat? actual;
        try
        {
            actual = ImageHeader.Read(post.File, image.Key).Format;
        }
        catch (ImagingException)
        {
            actual = null;
        }

        var expected = image.Extension is "jpg" or "jpeg" ? ImageFormat.Jpeg : image.Extension == "webp" ? ImageFormat.WebP : ImageFormat.Png;
        if (actual != expected)
        {
            return LeonardoErrors.S3(400, "InvalidArgument", $"the file is {actual?.ToString() ?? "not an image"}, but its init image was asked for as .{image.Extension}");
        }

        image.File.Complete(post.File, ContentTypeOf(image.Extension));
        return new Reply(204, [], "text/plain");
    }

    public Reply CreateV1(EmulatorRequest request, FaultRule? fault)
    {
        var body = request.JsonBody();
        if (body is null)
        {
            return LeonardoErrors.Error(400, "expected a JSON object body");
        }

        var model = Text(body, "model") ?? "MOTION2";
        if (LeonardoModels.FindV1(model) is not { } known)
        {
            return LeonardoErrors.Error(400, $"invalid model '{model}'; expected one of {string.Join(", ", LeonardoModels.V1Ids)}");
        }

        if (Text(body, "prompt") is not { } prompt)
        {
            return LeonardoErrors.Error(400, "prompt is required");
        }

        if (Text(body, "imageType") != "UPLOADED" && Text(body, "imageType") != "GENERATED")
        {
            return LeonardoErrors.Error(400, "imageType must be GENERATED or UPLOADED");
        }

        var duration = body["duration"] is JsonValue d && d.TryGetValue<int>(out var n) ? n : known.Default;
        if (!known.Durations.Contains(duration))
        {
            return LeonardoErrors.Error(400, $"duration {duration} is not valid for {model}");
        }

        if (Uploaded(Text(body, "imageId")) is not { } image)
        {
            return LeonardoErrors.Error(400, "imageId does not name an uploaded init image");
        }

        var (id, cost) = Accept(request, model, prompt, duration, image, known.RatePerSecond, fault);
        return Reply.Json(200, new JsonObject
        {
            ["motionVideoGenerationJob"] = new JsonObject { ["generationId"] = id, ["apiCreditCost"] = (int)(cost * 500), ["cost"] = Cost(cost) },
        });
    }

    public Reply CreateV2(EmulatorRequest request, FaultRule? fault)
    {
        var body = request.JsonBody();
        if (body is null)
        {
            return LeonardoErrors.Hasura(400, "expected a JSON object body", "$");
        }

        var model = Text(body, "model");
        if (model is null || LeonardoModels.FindV2(model) is not { } known)
        {
            return LeonardoErrors.Hasura(400, $"unexpected value for model: '{model}'", "$.model");
        }

        if (body["parameters"] is not JsonObject parameters || Text(parameters, "prompt") is not { } prompt)
        {
            return LeonardoErrors.Hasura(400, "parameters.prompt is required", "$.parameters.prompt");
        }

        var duration = parameters["duration"] is JsonValue d && d.TryGetValue<int>(out var n) ? n : known.Default;
        if (!known.Durations.Contains(duration))
        {
            return LeonardoErrors.Hasura(400, $"duration must be one of {string.Join(", ", known.Durations)} for {model}, got {duration}", "$.parameters.duration");
        }

        var start = (parameters["guidances"]?["start_frame"] as JsonArray)?.FirstOrDefault()?["image"];
        if (start is null || Uploaded(Text(start, "id")) is not { } image)
        {
            return LeonardoErrors.Hasura(400, "guidances.start_frame[0].image.id does not name an uploaded init image", "$.parameters.guidances.start_frame");
        }

        if (parameters["guidances"]?["image_reference"] is JsonArray { Count: > 0 })
        {
            return LeonardoErrors.Hasura(400, "image_reference cannot be used with start_frame", "$.parameters.guidances.image_reference");
        }

        if (fault?.Kind == FaultKind.Hasura)
        {
            return LeonardoErrors.Hasura(400, "Malformed Authorization header or request body (injected fault)", "$.parameters", "validation-failed");
        }

        var (id, cost) = Accept(request, model, prompt, duration, image, known.RatePerSecond, fault);
        return Reply.Json(200, new JsonObject { ["generate"] = new JsonObject { ["generationId"] = id, ["cost"] = Cost(cost) } });
    }

    public Reply Status(EmulatorRequest request, string id, FaultRule? fault)
    {
        if (fault?.Kind == FaultKind.Expire || !_jobs.TryGetValue(id, out var job))
        {
            return Reply.Json(200, new JsonObject { ["generations_by_pk"] = null });
        }

        var status = job.StatusAt(options.Time.GetUtcNow());
        var images = new JsonArray();
        if (status == "COMPLETE")
        {
            images.Add(new JsonObject
            {
                ["id"] = job.Video.Id,
                ["url"] = $"{request.BaseUrl}{CdnPath}/{job.Video.Id}/{job.Id}.jpg",
                ["motionMP4URL"] = $"{request.BaseUrl}{CdnPath}/{job.Video.Id}/{job.Video.FileName}",
                ["motion"] = true,
                ["imageToVideo"] = true,
                ["motionModel"] = job.Model,
                ["nsfw"] = false,
            });
        }

        return Reply.Json(200, new JsonObject
        {
            ["generations_by_pk"] = new JsonObject
            {
                ["id"] = job.Id,
                ["status"] = status,
                ["prompt"] = job.Prompt,
                ["createdAt"] = job.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                ["generated_images"] = images,
            },
        });
    }

    public Reply Delete(string id) =>
        _jobs.TryRemove(id, out _)
            ? Reply.Json(200, new JsonObject { ["delete_generations_by_pk"] = new JsonObject { ["id"] = id } })
            : Reply.Json(200, new JsonObject { ["delete_generations_by_pk"] = null });

    /// <summary>The MP4 on the CDN path; an expired URL answers 403 AccessDenied as S3/CloudFront do.</summary>
    public Reply Download(string fileId, FaultRule? fault) =>
        fault?.Kind == FaultKind.Expire || files.Find(fileId) is not { HasContent: true } file
            ? LeonardoErrors.S3(403, "AccessDenied", "Request has expired")
            : new Reply(200, file.Content, file.ContentType);

    private (string Id, decimal Cost) Accept(EmulatorRequest request, string model, string prompt, int duration, InitImage image, decimal rate, FaultRule? fault)
    {
        var id = Guid.NewGuid().ToString();
        var now = options.Time.GetUtcNow();
        var spec = new VideoSpec(duration, 1, FileStore.FileUrl(request.BaseUrl, image.File), "16:9", prompt);
        var baseUrl = request.BaseUrl;
        var video = files.AddLazy($"{id}.mp4", "video/mp4", () => VideoRenderer.Render(spec, files, baseUrl));
        _jobs[id] = new LeonardoJob(id, model, prompt, duration, now, now + options.QueueWait + options.RunTime, fault?.Kind == FaultKind.JobFailed, video);
        counter.GenerationAccepted();
        return (id, duration * rate);
    }

    private InitImage? Uploaded(string? id) =>
        id is not null && _initImages.TryGetValue(id, out var image) && image.File.HasContent ? image : null;

    private static JsonObject Cost(decimal amount) =>
        new() { ["amount"] = amount.ToString("0.00##", CultureInfo.InvariantCulture), ["unit"] = "DOLLARS" };

    private static string? Text(JsonNode node, string name) =>
        node[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    private static string ContentTypeOf(string extension) => extension switch
    {
        "jpg" or "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        _ => "image/png",
    };

    private static string Sign(string policy) => Convert.ToHexStringLower(HMACSHA256.HashData(Secret, Encoding.UTF8.GetBytes(policy)));
}
