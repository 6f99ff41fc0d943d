using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using StarSend.Core.Errors;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Fal;

/// <summary>fal storage: initiate an upload (with the key, on the REST client), PUT the bytes to the signed URL (on the key-less client), use file_url (providers.md §1.11).</summary>
internal sealed class FalStorage(FalApi api, FalOptions options, RetryRunner retry)
{
    /// <summary>fal switches to a multipart upload above this; StarSend's inputs are images far below it.</summary>
    public const long MaxSingleUploadBytes = 90L * 1024 * 1024;

    public async Task<string> UploadAsync(string localPath, string contentType, CancellationToken cancellationToken)
    {
        var file = new FileInfo(localPath);
        if (!file.Exists)
        {
            throw new BadInputException($"cannot upload {localPath}: the file does not exist");
        }

        if (file.Length > MaxSingleUploadBytes)
        {
            throw new BadInputException($"cannot upload {localPath}: {file.Length / (1024 * 1024)} MB, more than the {MaxSingleUploadBytes / (1024 * 1024)} MB StarSend uploads");
        }

        var (uploadUrl, fileUrl) = await InitiateAsync(file.Name, contentType, cancellationToken);
        await retry.ExecuteAsync("upload", token => PutAsync(uploadUrl, file, contentType, token), cancellationToken);
        return fileUrl;
    }

    private async Task<(Uri UploadUrl, string FileUrl)> InitiateAsync(string fileName, string contentType, CancellationToken cancellationToken)
    {
        var url = api.RestEndpoint("storage/upload/initiate?storage_type=fal-cdn-v3");
        var body = new JsonObject { ["content_type"] = contentType, ["file_name"] = fileName };
        var (answer, json) = await api.SendRepeatableAsync(
            FalCall.Upload, fileName, null, HttpMethod.Post, url, body, _ => false, cancellationToken);
        var upload = JsonText.Of(json?["upload_url"]);
        var fileUrl = JsonText.Of(json?["file_url"]);
        if (upload is null || fileUrl is null || !Uri.TryCreate(upload, UriKind.Absolute, out var uploadUrl))
        {
            throw new ProviderException($"fal.ai upload for {fileName}: HTTP {answer.Status} without upload_url and file_url", ProviderErrorKind.Other, answer.Status);
        }

        return (uploadUrl, fileUrl);
    }

    private async Task<bool> PutAsync(Uri uploadUrl, FileInfo file, string contentType, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenRead();
        using var content = new StreamContent(stream);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var answer = await HttpExchange.SendAsync(
            token => api.Plain.Request(uploadUrl.AbsoluteUri).SendAsync(HttpMethod.Put, content, HttpCompletionOption.ResponseHeadersRead, token),
            options.UploadTimeout,
            api.Time,
            cancellationToken);
        if (!answer.IsSuccess)
        {
            throw FalErrors.FromAnswer(answer, FalCall.Upload, file.Name, null, api.Time);
        }

        return true;
    }
}
