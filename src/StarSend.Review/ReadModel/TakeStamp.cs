using System.Security.Cryptography;
using System.Text;
using StarSend.Core.Sequences;

namespace StarSend.Review.ReadModel;

/// <summary>
/// A short fingerprint of a take (its number, run id and files' SHA-256), written into the dailies page beside every
/// take so that an imported decision can tell that the take it was made on is still the same.
/// </summary>
public static class TakeStamp
{
    /// <summary>16 lowercase hex digits.</summary>
    public static string Of(Take take)
    {
        var text = $"{take.Number}|{take.RunId}|{string.Join(',', take.Files.Select(f => f.Sha256))}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
