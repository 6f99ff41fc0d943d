using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace StarSend.Core.Steps;

/// <summary>SHA-256 of files and of canonical payloads, so a resume can tell it is the same call.</summary>
public static class Fingerprint
{
    public static async Task<string> OfFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    public static string Of<T>(T payload) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload, Json.StarSendJson.Options))));
}
