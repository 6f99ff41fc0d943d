namespace StarSend.Infrastructure.Doctor;

/// <summary>
/// Asks a provider's base URL a question that costs nothing: a GET with a deliberately invalid key (never the real
/// one), so a reachable provider answers with its auth error (fal: 401/403 on a queue status; Gemini: 400/401/403 on the
/// model list) and nothing can be charged.
/// </summary>
public static class ProviderProbe
{
    /// <summary>The key sent instead of the producer's: recognisably not a key.</summary>
    public const string DummyKey = "starsend-doctor-not-a-key";

    /// <summary>The HTTP status the URL answered, or the reason it could not be reached.</summary>
    public static async Task<(int? Status, string? Problem)> GetAsync(HttpClient http, Uri url, string header, string value, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation(header, value);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timer.Token);
            return ((int)response.StatusCode, null);
        }
        catch (HttpRequestException ex)
        {
            return (null, ex.HttpRequestError.ToString());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within {timeout.TotalSeconds:0} s");
        }
    }
}
