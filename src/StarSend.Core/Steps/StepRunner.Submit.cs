using System.Text.Json;
using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Providers;

namespace StarSend.Core.Steps;

public sealed partial class StepRunner
{
    /// <summary>
    /// Sends the submit of <paramref name="intent"/> and records its request id. An answer that proves the job was not
    /// accepted (429) waits as long as the provider asks (bounded, jittered) and submits again in this run; a lost
    /// answer is looked up in the provider's request history and the job found there adopted; a locked account stops
    /// every further paid call of this run. The submit itself is never cancelled half-way.
    /// </summary>
    private async Task<ExecutionRecord> SubmitAsync(ExecutionRecord intent, VideoJob job, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            VideoJobHandle handle;
            try
            {
                handle = await _video.SubmitAsync(job, CancellationToken.None);
            }
            catch (AccountBlockedException ex)
            {
                await SaveAsync(intent with { Status = ExecutionStatus.Failed, Error = ex.Message, CostUsd = 0, FinishedAt = _time.GetUtcNow() });
                throw Block(intent.StepId, ex);
            }
            catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.NotAccepted)
            {
                var wait = ex.RetryAfter ?? TimeSpan.FromSeconds(Math.Pow(2, attempt));
                if (attempt >= _options.SubmitAttempts || wait > _options.MaxSubmitWait)
                {
                    var why = attempt >= _options.SubmitAttempts
                        ? $"after {attempt} submits"
                        : $"and asks to wait {wait.TotalSeconds:0} s, longer than StarSend waits ({_options.MaxSubmitWait.TotalSeconds:0} s)";
                    var message = $"{intent.StepId}: {ex.Message} {why}; nothing was paid, run the same command again later";
                    await SaveAsync(intent with { Status = ExecutionStatus.Failed, Error = message, CostUsd = 0, FinishedAt = _time.GetUtcNow() });
                    throw new ProviderException(message, ProviderErrorKind.NotAccepted, ex.HttpStatus, inner: ex) { StepId = intent.StepId, RetryAfter = ex.RetryAfter };
                }

                await WaitBeforeSubmittingAgainAsync(intent, ex, Jittered(wait), attempt, progress, cancellationToken);
                continue;
            }
            catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.SubmissionUnknown)
            {
                var unknown = await SaveAsync(intent with { Status = ExecutionStatus.SubmissionUnknown, Error = ex.Message, FinishedAt = _time.GetUtcNow() });
                progress?.Report(new StepProgress(intent.StepId, "looking up the lost submit", null, TimeSpan.Zero, intent.CostUsd));
                await Task.Delay(_options.LookupDelay, _time, CancellationToken.None);
                var lookup = await LookUpAsync(unknown, CancellationToken.None);
                if (lookup is { Outcome: SubmitLookupOutcome.Found, Handle: { } found })
                {
                    return await AdoptAsync(unknown, found, lookup.Reason);
                }

                if (lookup.Outcome == SubmitLookupOutcome.NoneAccepted && attempt < _options.SubmitAttempts)
                {
                    _log.Warning("{StepId}: the submit's answer was lost, and {Reason}; submitting again", intent.StepId, lookup.Reason);
                    await SaveAsync(intent with { Error = $"a submit's answer was lost and {lookup.Reason}; submitted again" });
                    continue;
                }

                if (lookup.Outcome == SubmitLookupOutcome.NoneAccepted)
                {
                    var message = $"{intent.StepId}: {ex.Message}; {lookup.Reason}, after {attempt} submits: nothing was paid, run the same command again later";
                    await SaveAsync(intent with { Status = ExecutionStatus.Failed, Error = message, CostUsd = 0, FinishedAt = _time.GetUtcNow() });
                    throw new ProviderException(message, ProviderErrorKind.NotAccepted, ex.HttpStatus, inner: ex) { StepId = intent.StepId };
                }

                await SaveAsync(unknown with { Error = $"{ex.Message}; {lookup.Reason}" });
                throw SubmissionUnknown(unknown, lookup.Reason);
            }
            catch (ProviderException ex)
            {
                var message = ex.FieldErrors.Count > 0 ? $"{intent.StepId}: fal.ai refused the submit with {Described(ex)}; nothing was paid" : ex.Message;
                await SaveAsync(intent with { Status = ExecutionStatus.Failed, Error = message, CostUsd = 0, FinishedAt = _time.GetUtcNow() });
                throw new ProviderException(message, ex.Kind, ex.HttpStatus, ex.RequestId, ex) { FieldErrors = ex.FieldErrors, StepId = intent.StepId, RetryAfter = ex.RetryAfter };
            }
            catch (StarSendException ex)
            {
                await SaveAsync(intent with { Status = ExecutionStatus.Failed, Error = ex.Message, CostUsd = 0, FinishedAt = _time.GetUtcNow() });
                throw;
            }

            var submitted = await RecordSubmittedAsync(intent, handle);
            _log.Information("Submitted {ExecutionId} as request {RequestId}", submitted.Id, handle.RequestId);
            return submitted;
        }
    }

    private async Task WaitBeforeSubmittingAgainAsync(
        ExecutionRecord intent, ProviderException refusal, TimeSpan wait, int attempt, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        _log.Warning(
            "{StepId}: fal.ai did not accept the submit ({Reason}); nothing was paid; submitting again in {Seconds} s (submit {Next} of {Max})",
            intent.StepId, refusal.Message, seconds, attempt + 1, _options.SubmitAttempts);
        progress?.Report(new StepProgress(intent.StepId, $"rate limit, submit {attempt + 1} of {_options.SubmitAttempts} next", null, TimeSpan.Zero, 0)
        {
            Kind = StepPhase.Waiting,
            WaitLeft = wait,
        });
        try
        {
            await Task.Delay(wait, _time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await SaveAsync(intent with
            {
                Status = ExecutionStatus.Failed,
                Error = "interrupted while waiting out a rate limit; the refused submit was not accepted and nothing was paid",
                CostUsd = 0,
                FinishedAt = _time.GetUtcNow(),
            });
            throw;
        }
    }

    /// <summary>
    /// An earlier run left an intent or a submit without request id, or a paid job for other inputs. A submit whose
    /// answer was lost is looked up in the provider's history: found, it is adopted (and returned, to be collected);
    /// proven absent, the step is submitted anew; otherwise only --resubmit sends it again.
    /// </summary>
    private async Task<ExecutionRecord?> ResolveUnknownAsync(ExecutionRecord unfinished, string fingerprint, CancellationToken cancellationToken)
    {
        var changed = unfinished.Fingerprint != fingerprint;
        if (unfinished.Status != ExecutionStatus.Submitted)
        {
            var lookup = await LookUpAsync(unfinished, cancellationToken);
            switch (lookup.Outcome)
            {
                case SubmitLookupOutcome.Found:
                    var adopted = await AdoptAsync(unfinished, lookup.Handle!, lookup.Reason);
                    if (!changed)
                    {
                        return adopted;
                    }

                    unfinished = adopted;
                    break;
                case SubmitLookupOutcome.NoneAccepted:
                    _log.Information("{StepId}: {ExecutionId} never reached the provider ({Reason}); submitting it now", unfinished.StepId, unfinished.Id, lookup.Reason);
                    await SaveAsync(unfinished with
                    {
                        Status = ExecutionStatus.Failed,
                        Error = $"not accepted: {lookup.Reason}",
                        CostUsd = 0,
                        FinishedAt = _time.GetUtcNow(),
                    });
                    return null;
                default:
                    if (!_options.AllowResubmit)
                    {
                        await SaveAsync(unfinished with
                        {
                            Status = ExecutionStatus.SubmissionUnknown,
                            Error = $"the run stopped after sending the submit and before its request id was saved; {lookup.Reason}",
                        });
                        throw SubmissionUnknown(unfinished, lookup.Reason);
                    }

                    _log.Warning("Resubmitting {StepId}: {ExecutionId} may have been billed ${Cost} already ({Reason})", unfinished.StepId, unfinished.Id, unfinished.CostUsd, lookup.Reason);
                    await SaveAsync(unfinished with { Status = ExecutionStatus.Failed, Error = $"submission unknown ({lookup.Reason}); resubmitted with --resubmit", FinishedAt = _time.GetUtcNow() });
                    return null;
            }
        }

        if (!_options.AllowResubmit)
        {
            throw new BadInputException(
                $"{unfinished.StepId}: request {unfinished.RequestId} was paid for other inputs (prompts, durations, start frame or elements changed since); " +
                "run with the inputs it was sent with to collect it, or with --resubmit to leave it and pay for a new one");
        }

        _log.Warning("Resubmitting {StepId}: {ExecutionId} (request {RequestId}) was paid for other inputs", unfinished.StepId, unfinished.Id, unfinished.RequestId);
        await SaveAsync(unfinished with
        {
            Status = ExecutionStatus.Failed,
            Error = $"inputs changed; request {unfinished.RequestId} left and a new job submitted with --resubmit",
            FinishedAt = _time.GetUtcNow(),
        });
        return null;
    }

    /// <summary>Asks the provider's request history about <paramref name="record"/>'s submit: its endpoint, its input, from its intent on.</summary>
    private async Task<SubmitLookup> LookUpAsync(ExecutionRecord record, CancellationToken cancellationToken)
    {
        VideoJob? job = null;
        try
        {
            job = record.Request is null ? null : JsonSerializer.Deserialize<VideoJob>(record.Request, Json.StarSendJson.Options);
        }
        catch (JsonException)
        {
        }

        if (job is null)
        {
            return new SubmitLookup(SubmitLookupOutcome.Ambiguous, null, "the recorded request cannot be read back to look it up");
        }

        var known = (await _store.ReadAsync(cancellationToken)).Executions.Values
            .Select(e => e.RequestId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        try
        {
            return await _video.FindSubmittedAsync(job, record.CreatedAt - LookupSlack, _time.GetUtcNow() + LookupSlack, known, cancellationToken);
        }
        catch (StarSendException ex)
        {
            return new SubmitLookup(SubmitLookupOutcome.Ambiguous, null, $"the request history could not be read ({ex.Message})");
        }
    }

    private async Task<ExecutionRecord> AdoptAsync(ExecutionRecord record, VideoJobHandle handle, string reason)
    {
        var adopted = await RecordSubmittedAsync(record, handle);
        _log.Warning("{StepId}: the submit's answer was lost; adopted request {RequestId} ({Reason}) instead of paying again", record.StepId, handle.RequestId, reason);
        return adopted;
    }

    /// <summary>
    /// Journals the request id the moment it is known (no project lock), then records the call as <c>submitted</c> with
    /// the provider's URLs and reported cost: the one way a paid job becomes resumable, whether submitted or adopted.
    /// </summary>
    private async Task<ExecutionRecord> RecordSubmittedAsync(ExecutionRecord record, VideoJobHandle handle)
    {
        await _store.JournalSubmittedAsync(
            new SubmittedJournal(record.Id, handle.RequestId, handle.StatusUrl, handle.ResponseUrl, handle.CancelUrl, _time.GetUtcNow()), CancellationToken.None);
        return await SaveAsync(record with
        {
            Status = ExecutionStatus.Submitted,
            RequestId = handle.RequestId,
            StatusUrl = handle.StatusUrl,
            ResponseUrl = handle.ResponseUrl,
            CancelUrl = handle.CancelUrl,
            ReportedCost = handle.ReportedCost,
            SubmittedAt = _time.GetUtcNow(),
            Error = null,
            FinishedAt = null,
        });
    }

    /// <summary>Clock skew allowed around an intent's window when looking it up in the provider's history.</summary>
    private static TimeSpan LookupSlack => TimeSpan.FromMinutes(2);

    private static TimeSpan Jittered(TimeSpan wait)
    {
#pragma warning disable CA5394 // Jitter spreads retries; it needs no secure randomness.
        var factor = 1 + (Random.Shared.NextDouble() * 0.2);
#pragma warning restore CA5394
        return TimeSpan.FromTicks((long)(Math.Max(wait.Ticks, TimeSpan.FromMilliseconds(100).Ticks) * factor));
    }

    /// <summary>Remembers that the account refused a paid call: no further upload or submit is sent by this run.</summary>
    private AccountBlockedException Block(string stepId, AccountBlockedException ex)
    {
        Interlocked.CompareExchange(ref _blockedBy, ex.Message, null);
        return ex.StepId is null ? new AccountBlockedException(ex.Message, ex.HttpStatus, ex.RequestId, ex) { StepId = stepId } : ex;
    }

    private void ThrowIfBlocked(string stepId)
    {
        if (Volatile.Read(ref _blockedBy) is { } reason)
        {
            throw new AccountBlockedException($"{stepId}: not sent, the account refused an earlier call of this run: {reason}") { StepId = stepId };
        }
    }

    /// <summary>A validation answer item by item, e.g. <c>422: body.multi_prompt.1.duration: Input should be … (literal_error); …</c>.</summary>
    private static string Described(ProviderException ex) =>
        ex.FieldErrors.Count == 0
            ? ex.Message
            : $"HTTP {ex.HttpStatus ?? 422}: {string.Join("; ", ex.FieldErrors.Select(e => $"{e.Where}: {e.Message}{(e.Type is null ? string.Empty : $" ({e.Type})")}"))}";

    private static ProviderException ResultLost(ExecutionRecord record, string why, bool alreadyRecorded) => new(
        $"{record.StepId}: the paid result of request {record.RequestId} is lost ({why}){(alreadyRecorded ? string.Empty : "; recorded as paid_result_lost")}. " +
        "Nothing was paid again: run with --again to pay for a new one",
        ProviderErrorKind.Expired,
        requestId: record.RequestId)
    {
        StepId = record.StepId,
    };

    private static ProviderException SubmissionUnknown(ExecutionRecord record, string? lookup = null) => new(
        $"{record.StepId}: a submit was sent ({record.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC) but no request id came back, so it may have been billed (~${record.CostUsd:0.00})" +
        (lookup is null ? string.Empty : $"; {lookup}") +
        "; run again with --resubmit to submit it again (that may pay twice)",
        ProviderErrorKind.SubmissionUnknown)
    {
        StepId = record.StepId,
    };
}
