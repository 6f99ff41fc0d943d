using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Providers;

namespace StarSend.Core.Steps;

public sealed partial class StepRunner
{
    /// <summary>Asks per structured step: the first answer, and one more when it does not match the schema.</summary>
    public const int StructuredAttempts = 2;

    /// <summary>
    /// The structured model call primitive (DESIGN.md): one text/vision call answered with JSON against a schema
    /// (<paramref name="id"/> e.g. <c>SEQ05_analysis</c>), recorded as an intent before it is paid. The answer is checked
    /// by <paramref name="validate"/> (null when valid, else one line); an invalid answer is paid, recorded failed and
    /// asked once more (<see cref="StructuredAttempts"/>), then refused with a <see cref="ProviderException"/> (BadOutput)
    /// naming the step. A valid answer is kept at <paramref name="outputPath"/> (JSON). A completed earlier answer to the
    /// same question whose execution id is not in <paramref name="claimed"/> (a run killed after paying, before the
    /// caller stored it) is reused without a new call. Like image calls it has no request id: an interrupted call is
    /// recorded as possibly billed and asked again.
    /// </summary>
    public async Task<StructuredResult> ExecuteStructured(
        string id, string runId, IStructuredModel model, StructuredQuestion question, string outputPath, decimal estimateUsd,
        Func<string, string?> validate, IReadOnlySet<string> claimed, CancellationToken cancellationToken)
    {
        var fingerprint = Fingerprint.Of(new
        {
            question.Model, question.Instruction, question.Text, question.JsonSchema,
            images = question.Images.Select(i => Convert.ToHexStringLower(SHA256.HashData(i.Data))),
        });
        var earlier = await FindAsync(id, cancellationToken);
        foreach (var done in earlier.Where(e => e.Status == ExecutionStatus.Complete && e.Fingerprint == fingerprint && !claimed.Contains(e.Id)).Reverse())
        {
            // The file must still hold the bytes that call was paid for (its SHA-256), not a later answer written over it.
            var output = done.Outputs.FirstOrDefault();
            var file = output?.Path;
            if (file is not null && File.Exists(file) && await File.ReadAllBytesAsync(file, cancellationToken) is var bytes
                && Convert.ToHexStringLower(SHA256.HashData(bytes)) == output!.Sha256
                && System.Text.Encoding.UTF8.GetString(bytes) is var kept && validate(kept) is null)
            {
                _log.Information("{StepId}: using the answer {ExecutionId} an earlier run paid for; nothing is asked again", id, done.Id);
                return new StructuredResult(done.Id, kept, file, done.Model, done.CostUsd, Resumed: true);
            }
        }

        foreach (var interrupted in earlier.Where(e => e.Status is ExecutionStatus.Intent or ExecutionStatus.Submitted))
        {
            _log.Warning("An earlier structured call {ExecutionId} was interrupted; it may have been billed ${Cost}", interrupted.Id, interrupted.CostUsd);
            await SaveAsync(interrupted with { Status = ExecutionStatus.SubmissionUnknown, Error = "interrupted before the answer arrived; may have been billed" });
        }

        var request = JsonSerializer.Serialize(new { question.Model, question.Instruction, question.Text, images = question.Images.Count }, Json.StarSendJson.Options);
        var paid = 0m;
        for (var attempt = 1; ; attempt++)
        {
            var intent = await RecordIntentAsync(id, ExecutionKind.Structured, runId, fingerprint, question.Model, request, estimateUsd, cancellationToken);
            StructuredAnswer answer;
            try
            {
                answer = await model.AskAsync(question, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await SaveAsync(intent with { Status = ExecutionStatus.SubmissionUnknown, Error = "interrupted before the answer arrived; may have been billed" });
                throw;
            }
            catch (StarSendException ex)
            {
                // A refusal is an answer Google bills (the prompt's tokens); other failures sent nothing that was charged.
                var billed = ex is ProviderException { Kind: ProviderErrorKind.ContentPolicy or ProviderErrorKind.BadOutput } ? intent.CostUsd : 0;
                await SaveAsync(intent with { Status = ExecutionStatus.Failed, Error = ex.Message, CostUsd = billed, FinishedAt = _time.GetUtcNow() });
                throw;
            }

            paid += answer.CostUsd;
            if (validate(answer.Json) is { } problem)
            {
                var message = $"{id}: the answer of {answer.Model} does not match the schema: {problem}";
                await SaveAsync(intent with { Status = ExecutionStatus.Failed, Model = answer.Model, Error = message, CostUsd = answer.CostUsd, SubmittedAt = intent.CreatedAt, FinishedAt = _time.GetUtcNow() });
                if (attempt >= StructuredAttempts)
                {
                    throw new ProviderException($"{message} (asked {attempt} times; nothing stored)", ProviderErrorKind.BadOutput) { StepId = id };
                }

                _log.Warning("{Message}; asking once more", message);
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(answer.Json);
            Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
            await WriteFileAtomicallyAsync(outputPath, bytes, cancellationToken);
            var complete = await SaveAsync(intent with
            {
                Status = ExecutionStatus.Complete,
                Model = answer.Model,
                CostUsd = answer.CostUsd,
                Outputs = [new OutputFile(outputPath, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), "json, matches the schema")],
                SubmittedAt = intent.CreatedAt,
                FinishedAt = _time.GetUtcNow(),
            });
            return new StructuredResult(complete.Id, answer.Json, outputPath, answer.Model, paid, Resumed: false);
        }
    }
}
