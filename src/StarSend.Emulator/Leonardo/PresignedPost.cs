using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace StarSend.Emulator.Leonardo;

/// <summary>The parts of a <c>multipart/form-data</c> POST in the order they came: form fields and the file.</summary>
internal sealed record PresignedPost(IReadOnlyList<(string Name, string Value)> FieldsBeforeFile, IReadOnlyList<string> FieldsAfterFile, byte[]? File, string? FileContentType)
{
    /// <summary>Reads the body; null when it is not multipart/form-data.</summary>
    public static async Task<PresignedPost?> ReadAsync(string? contentType, byte[] body)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media)
            || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(media.Boundary).Value is not { Length: > 0 } boundary)
        {
            return null;
        }

        var before = new List<(string, string)>();
        var after = new List<string>();
        byte[]? file = null;
        string? fileType = null;
        var reader = new MultipartReader(boundary, new MemoryStream(body));
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer);
            if (name == "file")
            {
                file = buffer.ToArray();
                fileType = section.ContentType;
            }
            else if (file is null)
            {
                before.Add((name, System.Text.Encoding.UTF8.GetString(buffer.ToArray())));
            }
            else
            {
                after.Add(name);
            }
        }

        return new PresignedPost(before, after, file, fileType);
    }
}
