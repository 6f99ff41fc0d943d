using Polly;
using Polly.Retry;
using Serilog;
using StarSend.Core.Errors;

namespace StarSend.Infrastructure.Http;

/// <summary>
/// Runs a repeatable call with bounded, jittered exponential back-off on the injected clock, honouring the wait a
/// server asks for. Gives up with a one-line <see cref="ProviderException"/> of kind Transient.
/// </summary>
internal sealed class RetryRunner
{
    private readonly string _provider;
    private readonly RetrySettings _settings;
    private readonly ResiliencePipeline _pipeline;

    public RetryRunner(string provider, RetrySettings settings, TimeProvider time, ILogger log)
    {
        _provider = provider;
        _settings = settings;
        if (settings.MaxRetries < 1)
        {
            _pipeline = ResiliencePipeline.Empty;
            return;
        }

        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                MaxDelay = settings.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && IsRetryable(ex)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is TransientHttpException { RetryAfter: { } wait } ? wait : (TimeSpan?)null),
                OnRetry = args =>
                {
                    log.Warning(
                        "{Provider} {Operation} failed ({Reason}); retry {Attempt} of {MaxRetries} in {DelayS:0.0} s",
                        provider, args.Context.OperationKey, args.Outcome.Exception?.Message, args.AttemptNumber + 1, settings.MaxRetries, args.RetryDelay.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public static bool IsRetryable(Exception ex) => ex is TransientHttpException || TransportErrors.IsTransport(ex);

    /// <summary>Runs <paramref name="attempt"/> until it succeeds, throws something not retryable, or the retries are spent.</summary>
    public async Task<T> ExecuteAsync<T>(string operation, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.Self.GuardAsync(state.Operation, state.Attempt, ctx.CancellationToken));
                    }
#pragma warning disable CA1031 // Polly needs the failure as an outcome to decide on a retry; it is rethrown below.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        return Outcome.FromException<T>(ex);
                    }
                },
                context,
                (Self: this, Operation: operation, Attempt: attempt));
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        catch (TransientHttpException ex)
        {
            throw new ProviderException(GaveUp(operation, ex.Message), ProviderErrorKind.Transient, ex.Status, inner: ex);
        }
        catch (Exception ex) when (TransportErrors.IsTransport(ex))
        {
            throw new ProviderException(GaveUp(operation, ex.Message), ProviderErrorKind.Transient, inner: ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<T> GuardAsync<T>(string operation, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        try
        {
            return await attempt(cancellationToken);
        }
        catch (TransientHttpException ex) when (ex.RetryAfter > _settings.MaxRetryAfter)
        {
            throw new ProviderException(
                $"{_provider} {operation}: {ex.Message}; the server asks to wait {ex.RetryAfter.Value.TotalSeconds:0} s, longer than StarSend waits ({_settings.MaxRetryAfter.TotalSeconds:0} s); try again later",
                ProviderErrorKind.Transient,
                ex.Status,
                inner: ex);
        }
    }

    private string GaveUp(string operation, string reason) =>
        _settings.MaxRetries < 1
            ? $"{_provider} {operation} failed: {reason}"
            : $"{_provider} {operation} failed after {_settings.MaxRetries + 1} attempts: {reason}";
}
