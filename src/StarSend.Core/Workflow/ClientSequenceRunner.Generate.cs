using StarSend.Core.Elements;
using StarSend.Core.Errors;
using StarSend.Core.Plans;
using StarSend.Core.Providers.VideoModels;
using StarSend.Core.Sequences;
using StarSend.Core.Steps;

namespace StarSend.Core.Workflow;

public sealed partial class ClientSequenceRunner
{
    /// <summary>Generates (or resumes) a take: one multi-shot call, or one call per shot; verified before it is recorded.</summary>
    public async Task<SequenceOutcome> GenerateAsync(string id, GenerateRequest request, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        var sequence = Sequence(id);
        progress = progress.ForSequence(id);
        var record = await GetAsync(id, cancellationToken);
        if (AlreadyHasTake(record, request) is { } done)
        {
            return done;
        }

        var caps = ModelOf(sequence, request);
        using var modelScope = VideoModelScope.Use(ModelIdOf(caps));
        var mode = ModeFor(sequence, record, request, caps);
        // Prompt edits, cherry-picks and --animate are checked before anything is written (exit 2 on bad input).
        var asked = TakePrompts.Resolve(sequence, record, request, CurrentAnalysis(record), settings.NegativePromptBase);
        if (AlreadyHasTake(record, request, asked) is { } sameEdit)
        {
            return sameEdit;
        }

        var elements = ConfirmElements(sequence, request, caps);
        if (request.DryRun)
        {
            var preview = DryRun(sequence, record, mode, elements, caps, asked.Prompts);
            var negativeSent = asked.Negative is not null && caps.NegativePrompt && caps.Id.Provider == VideoModelId.Fal;
            return preview with { Message = preview.Message + FallbackText(VideoFallbacks(sequence, request with { Model = null }, caps, mode, elements.Used.Count, negativeSent), request) };
        }

        // The decision to pay is taken again under the lease, on state read after it is held: another run may have
        // made this take (or started it) while we waited (issue #8, overlapping runs).
        await using var lease = await leases.AcquireAsync(id, $"starsend generate (run {runId})", cancellationToken);
        record = await GetAsync(id, cancellationToken);
        if (AlreadyHasTake(record, request, asked) is { } madeMeanwhile)
        {
            return madeMeanwhile;
        }

        mode = ModeFor(sequence, record, request, caps);
        if (request.Feedback is { } feedback && record.Pending is null && UnusedRewrite(record, feedback) is null && record.Takes[^1].Feedback?.Text == feedback)
        {
            return new SequenceOutcome(id, ExitCodes.Ok, record.State, $"already has take {record.Takes[^1].Number} made from this feedback (another run made it meanwhile); not generated again", 0);
        }

        record = await UpdateAsync(id, r =>
        {
            // A sequence with no pass yet starts one here (issue #14).
            var started = SequenceWorkflow.Apply(r, SequenceCommand.Generate) with { PassRunId = r.PassRunId ?? runId };
            return started.Pending is null
                ? started with { Pending = NewPending(sequence, r, request, mode) }
                : started;
        });
        var take = record.Pending!;
        if (request.EditsPrompts && take.Prompts is null)
        {
            log.Warning("{SequenceId}: resuming take {Take} with the prompts it was started with; the prompt options of this run apply to the next take", id, take.Number);
        }

        var sendNegative = take.NegativePrompt is not null && caps.NegativePrompt && caps.Id.Provider == "fal";
        if (take.NegativePrompt is not null && !sendNegative)
        {
            log.Warning("{SequenceId}: {Model} takes no negative prompt; it is recorded on the take but not sent: {Negative}", id, caps.Id.Full, take.NegativePrompt);
        }

        using var negativeScope = NegativePromptScope.Use(sendNegative ? take.NegativePrompt : null);
        using var fallbackScope = VideoModelScope.Use(ModelIdOf(caps), VideoFallbacks(sequence, request, caps, take.Mode, elements.Used.Count, sendNegative));
        var pass = PassOfTake(record);
        using var scope = PassScope(pass);
        try
        {
            var results = mode == TakeMode.MultiShot
                ? [await MultiShotAsync(sequence, record, take, pass, elements.Used, progress, cancellationToken)]
                : await IndividualAsync(sequence, record, take, pass, elements.Used, progress, cancellationToken);
            var recorded = NewTake(sequence, record, take, elements, results) with { PassRunId = pass };
            record = await UpdateAsync(id, r => SequenceWorkflow.Apply(r, SequenceCommand.GenerateDone) with { Takes = [.. r.Takes, recorded], Pending = null });
            log.Information("{SequenceId}: take {Take} ready in pass {Pass}: {Files}", id, recorded.Number, pass, recorded.Files.Select(f => f.Path).ToList());
            ReportTakeRecorded(sequence, mode, recorded, results, progress);
            var resumed = results.Any(r => r.Resumed) ? " (resumed a paid job)" : string.Empty;
            return new SequenceOutcome(id, ExitCodes.Ok, record.State, $"take {recorded.Number} ready{resumed}: {string.Join(", ", recorded.Files.Select(f => f.Path))} ({CostText(recorded)}){FallbackElementsNote(id, recorded, caps)}", recorded.CostUsd);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (ProviderException ex) when (ex.Kind is ProviderErrorKind.Transient or ProviderErrorKind.SubmissionUnknown || ex.PaidJobKept)
        {
            // The paid job is still out there (or may be): stay in generating so the next run resumes it.
            record = await UpdateAsync(id, r => r with { LastError = ex.Message });
            return new SequenceOutcome(id, ex.ExitCode, record.State, ex.Message, 0);
        }
        catch (ProviderException ex) when (ex.FieldErrors.Count > 0)
        {
            // A validation answer, item by item, at the plan's JSON paths where they map (issue #8 item 8).
            var (kept, keptUsd) = await KeptShotsAsync(sequence, cancellationToken);
            var message = $"{ex.StepId ?? id}: fal.ai answered HTTP {ex.HttpStatus ?? 422}: {FieldErrorPaths.Describe(plan, sequence, ex.StepId, ex.FieldErrors)}{kept}";
            log.Error("{SequenceId}: {Message}", id, message);
            record = await UpdateAsync(id, r => SequenceWorkflow.Fail(r, message));
            return new SequenceOutcome(id, ex.ExitCode, record.State, message, keptUsd);
        }
        catch (StarSendException ex)
        {
            var (kept, keptUsd) = await KeptShotsAsync(sequence, cancellationToken);
            record = await UpdateAsync(id, r => SequenceWorkflow.Fail(r, ex.Message + kept));
            return new SequenceOutcome(id, ex.ExitCode, record.State, ex.Message + kept, keptUsd);
        }
    }

    /// <summary>
    /// A fallback model sends the take as it was planned for the first model, elements included: when the first model
    /// took fewer elements than the fallback could, the outcome says which were left out and how to send them.
    /// </summary>
    private string FallbackElementsNote(string id, Take take, VideoModelCapabilities planned)
    {
        if (take.Model is not { } made || take.ElementsDropped.Count == 0 || VideoModelId.Parse(made).Full == planned.Id.Full
            || VideoModelCatalog.Find(made) is not { } fallback || fallback.ElementCap(withStartFrame: true) <= take.ElementsUsed.Count)
        {
            return string.Empty;
        }

        log.Warning("{SequenceId}: {Model} made the take without elements {Elements}, dropped for {Planned}", id, fallback.Id.Full, take.ElementsDropped, planned.Id.Full);
        return $"; made by fallback {fallback.Id.Full} without {string.Join(", ", take.ElementsDropped)} (dropped for {planned.Id.Full}; "
            + $"'starsend generate {id} --model {fallback.Id.Full} --again' sends up to {fallback.ElementCap(withStartFrame: true)})";
    }

    /// <summary>
    /// The take's model and cost: what the provider reported it charged when it reported dollars for every call
    /// (Leonardo), else StarSend's estimate from the published prices (<c>~</c>). <c>starsend costs</c> shows both.
    /// </summary>
    private static string CostText(Take take)
    {
        if (take.ReportedCosts.Count == take.ExecutionIds.Count && take.ReportedCosts.All(c => c.Usd is not null))
        {
            return $"{take.Model}, ${take.CostUsd:0.000} as {take.Provider} reported";
        }

        var reported = take.ReportedCosts.Count == 0 ? string.Empty : $", {take.Provider} reported {string.Join(" + ", take.ReportedCosts)}";
        return $"{take.Model}, ~${take.CostUsd:0.000}{reported}";
    }

    /// <summary>A new pending take with the prompts resolved on the state read under the lease (issue #10).</summary>
    private PendingTake NewPending(PlanSequence sequence, SequenceRecord record, GenerateRequest request, TakeMode mode)
    {
        var pending = new PendingTake(record.Takes.Count + 1, mode, runId, time.GetUtcNow());
        if (!request.EditsPrompts)
        {
            return pending;
        }

        var (prompts, animated, negative) = TakePrompts.Resolve(sequence, record, request, CurrentAnalysis(record), settings.NegativePromptBase);
        var feedback = request.Feedback is { } text && UnusedRewrite(record, text) is { } rewrite ? TakeFeedback.From(rewrite) : null;
        return pending with
        {
            Prompts = prompts,
            AnimatedElements = request.Animate is null && (feedback is null || animated.Count == 0) ? null : animated,
            NegativePrompt = negative,
            Feedback = feedback,
        };
    }

    /// <summary>The take's prompts: those it was started with, else the plan's.</summary>
    private static List<TakePrompt> PromptsOf(PlanSequence sequence, PendingTake take) =>
        take.Prompts ?? [.. sequence.Shots.Select(s => new TakePrompt(s.Id, s.Prompt, "plan"))];

    private Analysis.StartFrameAnalysis? CurrentAnalysis(SequenceRecord record) => Analysis.AnalysisStatus.Current(record, paths);

    /// <summary>A take belongs to the pass of the start frame it is made from; else to the sequence's pass.</summary>
    private string PassOfTake(SequenceRecord record) => record.StartFrame?.PassRunId ?? record.PassRunId ?? runId;

    /// <summary>
    /// The outcome when this run must not pay for a take: the sequence already has one, and nothing asks for another.
    /// Without <c>--again</c>, a prompt edit (<c>--prompt</c>, <c>--prompts-from</c>, <c>--animate</c>) asks for a new take
    /// only when the latest take was not made with the same prompts and motion elements, so running the same edit again
    /// (after a crash that came after its take was recorded, or by a script run twice) pays nothing. Until
    /// <paramref name="asked"/> (the edit's resolved prompts) is known, an edit is not decided here.
    /// </summary>
    private static SequenceOutcome? AlreadyHasTake(SequenceRecord record, GenerateRequest request, (List<TakePrompt> Prompts, List<string> Animated, string? Negative)? asked = null)
    {
        if (record.Takes.Count == 0 || record.State is SequenceState.Generating or SequenceState.StartFrameApproved || request.Again || request.Feedback is not null)
        {
            return null;
        }

        var latest = record.Takes[^1];
        var edits = request.PromptEdits.Count > 0 || request.PromptsFrom is not null || request.Animate is not null;
        if (!edits)
        {
            return new SequenceOutcome(record.Id, ExitCodes.Ok, record.State, $"already has take {latest.Number}; not generated again (--again pays for another take)", 0);
        }

        var same = asked is { } a && latest.ShotPrompts.SequenceEqual(a.Prompts.Select(p => p.Prompt), StringComparer.Ordinal)
            && latest.AnimatedElements.SequenceEqual(a.Animated, StringComparer.Ordinal);
        return same
            ? new SequenceOutcome(record.Id, ExitCodes.Ok, record.State, $"take {latest.Number} already has these prompts; not generated again (--again pays for another take with them)", 0)
            : null;
    }

    /// <summary>
    /// The model the sequence is generated with (--model, else its video_model, else the project's), checked against
    /// the sequence before anything is sent: a retired model, a duration or a prompt it cannot take is one line, exit 2.
    /// </summary>
    private VideoModelCapabilities ModelOf(PlanSequence sequence, GenerateRequest request)
    {
        var index = plan.Sequences.ToList().IndexOf(sequence);
        var retired = settings.RetiredModels();
        var problems = SequenceModelCheck.Check(sequence, $"$.sequences[{index}]", settings.VideoModel, request.Model, retired);
        if (problems.Count > 0)
        {
            throw new BadInputException($"{sequence.Id}: {problems[0]}{(problems.Count > 1 ? $" (and {problems.Count - 1} more; run starsend validate)" : string.Empty)}");
        }

        return VideoModelCatalog.For(SequenceModelCheck.ModelFor(sequence, settings.VideoModel, request.Model), retired);
    }

    /// <summary>
    /// The id the job carries: fal endpoints keep their bare id (as executions.json always held them), other
    /// providers their full <c>provider:model</c> id.
    /// </summary>
    private static string ModelIdOf(VideoModelCapabilities caps) =>
        caps.Id.Provider == VideoModelId.Fal ? caps.Id.Model : caps.Id.Full;

    /// <summary>The take's mode (a pending take keeps its own); refuses a sequence that cannot generate in its state or has no start frame.</summary>
    private static TakeMode ModeFor(PlanSequence sequence, SequenceRecord record, GenerateRequest request, VideoModelCapabilities caps)
    {
        var mode = record is { State: SequenceState.Generating, Pending: { } pending } ? pending.Mode : ResolveMode(sequence, request.Mode, caps);
        SequenceWorkflow.Ensure(record, SequenceCommand.Generate);
        return record.StartFrame is null ? throw new IllegalTransitionException($"{record.Id} has no start frame; pick a cell first") : mode;
    }

    /// <summary>Every step of the take turns done with the take's number the moment the take is in sequences.json.</summary>
    private static void ReportTakeRecorded(PlanSequence sequence, TakeMode mode, Take take, IReadOnlyList<StepResult> results, IProgress<StepProgress>? progress)
    {
        var stepIds = mode == TakeMode.MultiShot ? [sequence.Id] : sequence.Shots.Select(s => $"{sequence.Id}_{s.Id}").ToList();
        for (var i = 0; i < stepIds.Count && i < results.Count; i++)
        {
            progress?.Report(new StepProgress(stepIds[i], $"take {take.Number}", null, TimeSpan.Zero, results[i].CostUsd) { Kind = StepPhase.Done });
        }
    }

    /// <summary>The mode from the model's capabilities: one call when the model takes the whole sequence, else one per shot.</summary>
    private static TakeMode ResolveMode(PlanSequence sequence, GenerateMode requested, VideoModelCapabilities caps) => requested switch
    {
        GenerateMode.Individual => TakeMode.Individual,
        GenerateMode.Multi when !caps.FitsOneCall(sequence) => throw new BadInputException(
            $"{sequence.Id} cannot be one {(caps.MultiShot ? "multi-shot " : string.Empty)}call on {caps.Id.Full} ({sequence.Shots.Count} shots, {sequence.TotalDurationS} s{(sequence.Shots.Any(s => s.OwnStartFrame) ? ", shots with own_start_frame" : string.Empty)}{(caps.MultiShot ? string.Empty : "; the model takes one shot a call")}); use --mode individual or auto"),
        GenerateMode.Multi => TakeMode.MultiShot,
        _ => caps.FitsOneCall(sequence) ? TakeMode.MultiShot : TakeMode.Individual,
    };

    private async Task<StepResult> MultiShotAsync(
        PlanSequence sequence, SequenceRecord record, PendingTake take, string pass, IReadOnlyList<PlanElement> elements, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        var startFrame = paths.Full(record.StartFrame!.File);
        var images = ElementImagesOf(elements);
        var shots = sequence.Shots.Select(s => new ShotSpec(s.Id, s.Duration)).ToList();
        var prompts = PromptsOf(sequence, take).Select(p => p.Prompt).ToList();
        var output = MediaPath(paths.VideosDir, pass, $"{sequence.Id}_take{take.Number:00}.mp4");
        var reusable = await ReusableAsync(sequence.Id, record, cancellationToken);
        if (reusable is not null)
        {
            return reusable;
        }

        return await steps.ExecuteMultiShot(sequence.Id, runId, startFrame, images, shots, prompts, output, progress, cancellationToken);
    }

    private Take NewTake(PlanSequence sequence, SequenceRecord record, PendingTake pending, ElementSelection elements, IReadOnlyList<StepResult> results) => new()
    {
        Number = pending.Number,
        RunId = pending.RunId,
        Mode = pending.Mode,
        ShotPrompts = [.. PromptsOf(sequence, pending).Select(p => p.Prompt)],
        Prompts = [.. PromptsOf(sequence, pending)],
        AnimatedElements = pending.AnimatedElements ?? [],
        NegativePrompt = pending.NegativePrompt,
        NegativePromptSent = pending.NegativePrompt is null ? null : NegativePromptScope.Current == pending.NegativePrompt,
        Feedback = pending.Feedback,
        Durations = [.. sequence.Shots.Select(s => s.Duration.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        ElementsUsed = [.. elements.Used.Select(e => e.Id)],
        ElementsDropped = [.. elements.Dropped.Select(e => e.Id)],
        StartFrame = record.StartFrame?.File,
        ExecutionIds = [.. results.Select(r => r.ExecutionId)],
        RequestIds = [.. results.Select(r => r.RequestId)],
        Model = results[0].Model,
        SkippedModels = SkippedOf(results),
        Provider = VideoModelId.Parse(results[0].Model).Provider,
        CostUsd = results.Sum(r => r.CostUsd),
        ReportedCosts = [.. results.Select(r => r.ReportedCost).OfType<ReportedCost>()],
        StartedAt = pending.StartedAt,
        FinishedAt = time.GetUtcNow(),
        Files = [.. results.Select(r => new TakeFile(paths.Relative(r.File), r.Bytes, r.DurationS, r.Sha256))],
    };

    private List<ElementImages> ElementImagesOf(IReadOnlyList<PlanElement> elements) =>
        [.. elements.Select(e => new ElementImages(e.Id, paths.Full(e.Image), e.ReferenceImages.Count > 0 ? [.. e.ReferenceImages.Take(3).Select(paths.Full)] : [paths.Full(e.Image)]))];
}
