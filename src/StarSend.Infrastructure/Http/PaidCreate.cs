namespace StarSend.Infrastructure.Http;

/// <summary>
/// The one send of a call that creates a paid job (fal's queue submit, Leonardo's create), sorted by what its failure
/// proves: nothing left the machine (the caller says so: safe to try again or fall back), or the request may have
/// reached the provider (a timeout, a broken connection, Ctrl+C in flight: the caller's "submission unknown", never sent
/// again by itself). One place, so the providers cannot drift apart on a rule that decides whether money is spent twice.
/// </summary>
internal static class PaidCreate
{
    /// <param name="send">The send, with its own connect retries (only for failures where nothing was sent).</param>
    /// <param name="call">The word for the call in messages: <c>submit</c>, <c>create</c>.</param>
    /// <param name="requestTimeout">The request's timeout, named in the message when it runs out.</param>
    /// <param name="notSent">The exception for a failure before a byte was sent.</param>
    /// <param name="unknown">The exception for a request that may have been received, from a reason and the cause.</param>
    /// <param name="cancellationToken">Cancels the send; a cancel while in flight is <paramref name="unknown"/>.</param>
    public static async Task<HttpAnswer> SendAsync(
        Func<CancellationToken, Task<HttpAnswer>> send, string call, TimeSpan requestTimeout,
        Func<HttpRequestException, Exception> notSent, Func<string, Exception, Exception> unknown, CancellationToken cancellationToken)
    {
        try
        {
            return await send(cancellationToken);
        }
        catch (HttpRequestException ex) when (TransportErrors.NothingSent(ex))
        {
            throw notSent(ex);
        }
        catch (TransientHttpException ex) when (ex.TimedOut)
        {
            throw unknown($"no answer within {requestTimeout.TotalSeconds:0} s", ex);
        }
        catch (Exception ex) when (TransportErrors.IsTransport(ex))
        {
            throw unknown($"the connection broke before the answer ({ex.Message})", ex);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw unknown($"interrupted while the {call} was in flight", ex);
        }
    }
}
