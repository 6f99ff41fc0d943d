using System.Security.Cryptography;
using StarSend.Core.Executions;
using StarSend.Core.Providers;
using StarSend.Imaging;

namespace StarSend.Core.Steps;

public sealed partial class StepRunner
{
    /// <summary>
    /// Keeps the image parts of a paid answer that are not the one used (thought-flagged drafts, duplicates,
    /// field-log #4) beside it, as they came, as <c>&lt;output&gt;_part&lt;N&gt;[_thought].&lt;ext&gt;</c> with the extension their
    /// bytes say (<c>.bin</c> when they are no known image). Returns their records, to follow the used image's in the
    /// execution's outputs.
    /// </summary>
    private static async Task<List<OutputFile>> KeepOtherPartsAsync(GeneratedImage generated, string outputPath, CancellationToken cancellationToken)
    {
        var kept = new List<OutputFile>();
        var stem = Path.Combine(Path.GetDirectoryName(outputPath)!, Path.GetFileNameWithoutExtension(outputPath));
        for (var i = 0; i < generated.Images.Count; i++)
        {
            var part = generated.Images[i];
            if (part.Chosen)
            {
                continue;
            }

            var format = ImageFormats.Detect(part.Data);
            var path = $"{stem}_part{i + 1}{(part.Thought ? "_thought" : string.Empty)}{format?.Extension() ?? ".bin"}";
            await WriteFileAtomicallyAsync(path, part.Data, cancellationToken);
            var what = format?.ToString().ToLowerInvariant() ?? "unknown bytes";
            kept.Add(new OutputFile(
                path,
                part.Data.Length,
                Convert.ToHexStringLower(SHA256.HashData(part.Data)),
                $"{what}, image part {i + 1} of {generated.Images.Count}{(part.Thought ? ", flagged thought" : string.Empty)}, not used"));
        }

        return kept;
    }
}
