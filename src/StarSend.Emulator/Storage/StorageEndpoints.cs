using System.Security.Cryptography;
using System.Text.Json.Nodes;
using StarSend.Emulator.Faults;
using StarSend.Emulator.Http;

namespace StarSend.Emulator.Storage;

/// <summary>fal storage as fal-js 1.10.1 uses it: initiate, PUT (or multipart parts + complete), then GET the file URL.</summary>
internal sealed class StorageEndpoints(FileStore files)
{
    public Reply Initiate(EmulatorRequest request, bool multipart)
    {
        var body = request.JsonBody();
        if (body is null)
        {
            return FalErrors.Validation([new FieldError(["body"], "Input should be a valid dictionary", "dict_type")]);
        }

        var contentType = body["content_type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? body["content_type"]!.GetValue<string>() : "application/octet-stream";
        var fileName = body["file_name"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? body["file_name"]!.GetValue<string>() : "file.bin";
        var file = files.Reserve(fileName, contentType);
        var uploadUrl = multipart
            ? $"{request.BaseUrl}/storage/upload/multipart/{file.Id}?signature={Signature(file.Id)}"
            : $"{request.BaseUrl}/storage/upload/put/{file.Id}?signature={Signature(file.Id)}";
        return Reply.Json(200, new JsonObject { ["upload_url"] = uploadUrl, ["file_url"] = FileStore.FileUrl(request.BaseUrl, file) });
    }

    public Reply Put(EmulatorRequest request, string id)
    {
        if (files.Find(id) is not { } file)
        {
            return FalErrors.NotFound($"Upload {id} not found");
        }

        file.Complete(request.Body, request.Header("Content-Type"));
        return new Reply(200, [], "text/plain");
    }

    public Reply PutPart(EmulatorRequest request, string id, int partNumber)
    {
        if (files.Find(id) is null)
        {
            return FalErrors.NotFound($"Upload {id} not found");
        }

        files.AddPart(id, partNumber, request.Body);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(request.Body))[..32]}\"";
        return Reply.Json(200, new JsonObject { ["partNumber"] = partNumber, ["etag"] = etag });
    }

    public Reply CompleteMultipart(EmulatorRequest request, string id)
    {
        var numbers = (request.JsonBody()?["parts"] as JsonArray)?
            .Select(p => p?["partNumber"]?.GetValueKind() == System.Text.Json.JsonValueKind.Number ? p["partNumber"]!.GetValue<int>() : -1)
            .ToList();
        if (files.Find(id) is not { } file || numbers is null || numbers.Count == 0)
        {
            return FalErrors.Flat(400, "Multipart upload needs {\"parts\":[{\"partNumber\":1,\"etag\":\"...\"}]}");
        }

        if (files.JoinParts(id, numbers) is not { } joined)
        {
            return FalErrors.Flat(400, "A part named in the completion was never uploaded");
        }

        file.Complete(joined, null);
        return Reply.Json(200, new JsonObject { ["file_url"] = FileStore.FileUrl(request.BaseUrl, file) });
    }

    public Reply Download(EmulatorRequest request, string id, FaultRule? fault)
    {
        if (fault?.Kind == FaultKind.Expire || files.Find(id) is not { HasContent: true } file)
        {
            return fault?.Arg == 410 ? FalErrors.NotFound("File has expired", 410) : FalErrors.NotFound("File not found");
        }

        var content = fault?.Kind switch
        {
            FaultKind.NoMoov => WithoutMovieBox(file.Content),
            FaultKind.Short => file.Content[..(int)(file.Content.Length * fault.TruncateFraction)],
            _ => file.Content,
        };
        return RangeReply.For(content, file.ContentType, fault?.Kind == FaultKind.Short ? null : request.Header("Range"))
            .WithHeader("Content-Disposition", $"inline; filename=\"{file.FileName}\"");
    }

    /// <summary>The same bytes with the top-level <c>moov</c> box renamed <c>free</c>: full length, but no movie header.</summary>
    private static byte[] WithoutMovieBox(byte[] mp4)
    {
        var copy = (byte[])mp4.Clone();
        var at = 0;
        while (at + 8 <= copy.Length)
        {
            var size = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(copy.AsSpan(at, 4));
            if (copy.AsSpan(at + 4, 4).SequenceEqual("moov"u8))
            {
                "free"u8.CopyTo(copy.AsSpan(at + 4, 4));
                break;
            }

            if (size < 8)
            {
                break;
            }

            at += size;
        }

        return copy;
    }

    private static string Signature(string id) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)))[..16];
}
