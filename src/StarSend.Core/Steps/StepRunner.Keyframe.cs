using System.Security.Cryptography;
using System.Text.Json;
using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Providers;
using StarSend.Imaging;

namespace StarSend.Core.Steps;

public sealed partial class StepRunner
{
    /// <summary>
    /// One image call (<paramref name="id"/> e.g. <c>SEQ01_grid</c>), saved as it came at <paramref name="outputPath"/> with
    /// the extension its bytes say (<c>.png</c>, <c>.jpg</c>, <c>.webp</c>; the result's <c>File</c> is the real path), once decoded.
    /// Image calls answer synchronously and have no request id, so an interrupted one cannot be resumed: it is recorded
    /// as possibly billed and the step is asked again.
    /// </summary>
    public Task<(StepResult Result, RgbaImage Image)> ExecuteKeyframe(
        string id, string runId, string prompt, IReadOnlyList<string> references, string outputPath, decimal estimateUsd, CancellationToken cancellationToken) =>
        ExecuteKeyframe(id, runId, prompt, references, outputPath, [new ImageModelChoice(string.Empty, estimateUsd)], cancellationToken);

    /// <summary>
    /// As above, walking <paramref name="models"/> in order (<c>image_models</c>): each model is its own paid decision,
    /// an intent at its own price checked against the budget before it is sent. The next model is tried only when
    /// <see cref="FallbackRules.ImageReason"/> proves the call was not taken (gone, or an error answer after the
    /// retries); a content refusal stops the chain. A model found gone is skipped unsent for the rest of the run. The
    /// result names the model that made the image and <see cref="StepResult.SkippedModels"/> the ones passed over. An
    /// empty model id lets the provider choose (its own configured model).
    /// </summary>
    public async Task<(StepResult Result, RgbaImage Image)> ExecuteKeyframe(
        string id, string runId, string prompt, IReadOnlyList<string> references, string outputPath, IReadOnlyList<ImageModelChoice> models, CancellationToken cancellationToken)
    {
        if (models.Count == 0)
        {
            throw new ArgumentException("at least one image model", nameof(models));
        }

        var refs = new List<ReferenceImage>();
        foreach (var path in references)
        {
            // Upright, sRGB, under the size limit, labelled by what the bytes are (a phone JPEG would go sideways).
            using var sending = await SendableFile.PrepareAsync(path, cancellationToken);
            refs.Add(new ReferenceImage(await File.ReadAllBytesAsync(sending.Path, cancellationToken), sending.ContentType));
        }

        var job = new ImageJob { Prompt = prompt, References = refs, AspectRatio = _options.AspectRatio };
        var fingerprint = Fingerprint.Of(new { prompt, refs = refs.Select(r => Convert.ToHexStringLower(SHA256.HashData(r.Data))), job.AspectRatio });
        foreach (var interrupted in (await FindAsync(id, cancellationToken)).Where(e => e.Status is ExecutionStatus.Intent or ExecutionStatus.Submitted))
        {
            _log.Warning("An earlier image call {ExecutionId} was interrupted; it may have been billed ${Cost}", interrupted.Id, interrupted.CostUsd);
            await SaveAsync(interrupted with { Status = ExecutionStatus.SubmissionUnknown, Error = "interrupted before the image arrived; may have been billed" });
        }

        var request = JsonSerializer.Serialize(new { prompt, references, job.AspectRatio }, Json.StarSendJson.Options);
        var skipped = new List<ModelSkip>();
        for (var i = 0; ; i++)
        {
            var choice = models[i];
            var last = i == models.Count - 1;
            var named = choice.Model.Length > 0;
            if (named && _goneModels.TryGetValue(choice.Model, out var goneBefore))
            {
                skipped.Add(new ModelSkip(choice.Model, $"{goneBefore} (found earlier in this run; not asked again)"));
                if (last)
                {
                    throw new ProviderException($"{id}: every image model is gone: {string.Join("; ", skipped.Select(s => $"{s.Model}: {s.Reason}"))}", ProviderErrorKind.ModelNotFound);
                }

                continue;
            }

            var intent = await RecordIntentAsync(id, ExecutionKind.Keyframe, runId, fingerprint, named ? choice.Model : "gemini", request, choice.EstimateUsd, cancellationToken, skipped);
            GeneratedImage generated;
            try
            {
                generated = await _images.GenerateAsync(named ? job with { Model = choice.Model } : job, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await SaveAsync(intent with { Status = ExecutionStatus.SubmissionUnknown, Error = "interrupted before the image arrived; may have been billed" });
                throw;
            }
            catch (StarSendException ex)
            {
                // An answer that came back 2xx (no image, a refusal, an unreadable body) may have been billed.
                var billed = ex is ProviderException { Kind: ProviderErrorKind.NoImage or ProviderErrorKind.ContentPolicy } or ProviderException { HttpStatus: >= 200 and < 300 } ? intent.CostUsd : 0;
                await SaveAsync(intent with { Status = ExecutionStatus.Failed, Error = ex.Message, CostUsd = billed, FinishedAt = _time.GetUtcNow() });
                if (named && !last && FallbackRules.ImageReason(ex) is { } reason && (!models[i + 1].OnlyWhenGone || FallbackRules.IsGone(ex)))
                {
                    if (FallbackRules.IsGone(ex))
                    {
                        _goneModels[choice.Model] = reason;
                    }

                    skipped.Add(new ModelSkip(choice.Model, reason) { ExecutionId = intent.Id });
                    _log.Warning("{StepId}: {Model} did not take the image call ({Reason}); trying {Next}", id, choice.Model, reason, models[i + 1].Model);
                    continue;
                }

                if (named && FallbackRules.IsGone(ex))
                {
                    _goneModels[choice.Model] = $"gone: {ex.Message}";
                }

                throw;
            }

            return await KeepImageAsync(id, intent, generated, outputPath, skipped, cancellationToken);
        }
    }

    private async Task<(StepResult Result, RgbaImage Image)> KeepImageAsync(
        string id, ExecutionRecord intent, GeneratedImage generated, string outputPath, List<ModelSkip> skipped, CancellationToken cancellationToken)
    {
        // The format is what the bytes say, never the label: Gemini 3 models answer JPEG (sometimes labelled image/png) or WebP.
        RgbaImage image;
        ImageFormat format;
        try
        {
            format = ImageFormats.Detect(generated.Data) ?? throw new ImagingException($"not a PNG, JPEG or WebP image");
            image = ImageCodec.Decode(generated.Data, $"image from {generated.Model}");
        }
        catch (ImagingException ex)
        {
            var message = $"{id}: the image from {generated.Model} ({generated.MimeType}) cannot be read: {ex.Message}";
            await SaveAsync(intent with { Status = ExecutionStatus.Failed, Model = generated.Model, Error = message, CostUsd = generated.CostUsd, FinishedAt = _time.GetUtcNow() });
            throw new ProviderException(message, ProviderErrorKind.BadOutput);
        }

        // Paid bytes are kept exactly as they came, under the extension their bytes say.
        outputPath = Path.ChangeExtension(outputPath, format.Extension());
        Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
        await WriteFileAtomicallyAsync(outputPath, generated.Data, cancellationToken);
        var otherParts = await KeepOtherPartsAsync(generated, outputPath, cancellationToken);
        var sha = Convert.ToHexStringLower(SHA256.HashData(generated.Data));
        var complete = await SaveAsync(intent with
        {
            Status = ExecutionStatus.Complete,
            Model = generated.Model,
            CostUsd = generated.CostUsd,
            Outputs = [new OutputFile(outputPath, generated.Data.Length, sha, $"{format.ToString().ToLowerInvariant()} {image.Width}x{image.Height}"), .. otherParts],
            SubmittedAt = intent.CreatedAt,
            FinishedAt = _time.GetUtcNow(),
        });
        return (new StepResult(complete.Id, string.Empty, outputPath, generated.Data.Length, sha, 0, generated.Model, generated.CostUsd, Resumed: false) { SkippedModels = skipped }, image);
    }

    /// <summary>Writes a media file via a temp file and a rename, so a crash never leaves half a file under the real name.</summary>
    public static async Task WriteFileAtomicallyAsync(string path, byte[] data, CancellationToken cancellationToken)
    {
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            await stream.WriteAsync(data, cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }
}
