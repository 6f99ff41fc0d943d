using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using StarSend.Core.Errors;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Leonardo;

/// <summary>
/// A local start frame to a Leonardo init-image id (providers-2.md §2.2, [P] SDK and docs):
/// <c>POST /v1/init-image {"extension"}</c> answers <c>uploadInitImage {id, url, fields}</c>, where <c>fields</c> is a
/// JSON <em>string</em>; then a <c>multipart/form-data</c> POST to <c>url</c> with every field first and the file last
/// (part name <c>file</c>, [S] Pipedream), raw bytes whose format matches the extension, within 2 minutes, without
/// the key. A failed or late POST starts over with a fresh init-image (uploads are not billed: [U], none documented).
/// </summary>
internal sealed class LeonardoUploads(LeonardoApi api, LeonardoOptions options, RetryRunner retry)
{
    /// <summary>Extensions the init-image call takes ([P] SDK UploadInitImageRequestBody).</summary>
    public static readonly IReadOnlyList<string> Extensions = ["png", "jpg", "jpeg", "webp"];

    public Task<string> UploadAsync(string localPath, string contentType, CancellationToken cancellationToken)
    {
        var file = new FileInfo(localPath);
        if (!file.Exists)
        {
            throw new BadInputException($"cannot upload {localPath}: the file does not exist");
        }

        // The extension follows the bytes (the content type StarSend read from them), never the file name.
        var extension = contentType switch
        {
            "image/jpeg" => "jpg",
            "image/webp" => "webp",
            "image/png" => "png",
            _ => file.Extension.TrimStart('.').ToLowerInvariant(),
        };
        if (!Extensions.Contains(extension))
        {
            throw new BadInputException($"cannot upload {file.Name} to Leonardo: a .{extension} file; init images are {string.Join(", ", Extensions.Select(e => "." + e))}");
        }

        return retry.ExecuteAsync("upload", async token =>
        {
            var (id, url, fields, issuedAt) = await InitAsync(file.Name, extension, token);
            await PostAsync(url, fields, file, contentType, issuedAt, token);
            return id;
        }, cancellationToken);
    }

    private async Task<(string Id, Uri Url, List<KeyValuePair<string, string>> Fields, long IssuedAt)> InitAsync(string name, string extension, CancellationToken cancellationToken)
    {
        var answer = await api.SendOnceAsync(api.Endpoint("v1/init-image"), HttpMethod.Post, new JsonObject { ["extension"] = extension }, cancellationToken);
        var issuedAt = api.Time.GetTimestamp();
        if (!answer.IsSuccess)
        {
            throw LeonardoErrors.FromAnswer(answer, LeonardoCall.InitImage, name, null, api.Time);
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(answer.Body);
        }
        catch (JsonException ex)
        {
            throw new TransientHttpException($"Leonardo init-image for {name} answered with a body that is not JSON", answer.Status, inner: ex);
        }

        var upload = json?["uploadInitImage"];
        var id = JsonText.Of(upload?["id"]);
        var url = JsonText.Of(upload?["url"]);
        var fieldsText = JsonText.Of(upload?["fields"]);
        if (id is null || url is null || fieldsText is null || !Uri.TryCreate(url, UriKind.Absolute, out var uploadUrl))
        {
            throw new ProviderException($"Leonardo init-image for {name}: HTTP {answer.Status} without uploadInitImage id, url and fields", ProviderErrorKind.Other, answer.Status);
        }

        return (id, uploadUrl, ParseFields(fieldsText, name), issuedAt);
    }

    /// <summary><c>fields</c> is a JSON string holding an object of strings; kept in its order.</summary>
    private static List<KeyValuePair<string, string>> ParseFields(string text, string name)
    {
        try
        {
            if (JsonNode.Parse(text) is JsonObject obj)
            {
                return [.. obj.Select(p => new KeyValuePair<string, string>(p.Key, p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString() ?? string.Empty))];
            }
        }
        catch (JsonException)
        {
            // Reported below.
        }

        throw new ProviderException($"Leonardo init-image for {name}: 'fields' is not a JSON object in a string", ProviderErrorKind.Other);
    }

    private async Task<bool> PostAsync(Uri url, List<KeyValuePair<string, string>> fields, FileInfo file, string contentType, long issuedAt, CancellationToken cancellationToken)
    {
        var left = options.UploadValidity - api.Time.GetElapsedTime(issuedAt);
        if (left <= TimeSpan.Zero)
        {
            throw new TransientHttpException($"the presigned upload for {file.Name} expired before it could be sent") { TimedOut = true };
        }

        using var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        await using var stream = file.OpenRead();
        var part = new StreamContent(stream);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(part, "file", file.Name);
        var answer = await HttpExchange.SendAsync(
            token => api.Plain.Request(url.AbsoluteUri).SendAsync(HttpMethod.Post, form, HttpCompletionOption.ResponseHeadersRead, token),
            left,
            api.Time,
            cancellationToken);
        if (answer.IsSuccess)
        {
            return true;
        }

        // S3 refuses an expired policy with 403 AccessDenied: worth a fresh init-image, like a 5xx.
        throw answer.Status is 403 or 408 or 429 or >= 500
            ? new TransientHttpException($"the presigned upload of {file.Name} answered HTTP {answer.Status}: {Cut(answer.Text)}", answer.Status)
            : new ProviderException($"the presigned upload of {file.Name} answered HTTP {answer.Status}: {Cut(answer.Text)}", ProviderErrorKind.Validation, answer.Status);
    }

    private static string Cut(string text) => text.Length <= 300 ? text.Trim() : text[..300].Trim();
}
