using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using StarSend.Core.Errors;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Fal;

/// <summary>
/// fal.ai HTTP: the key goes only to fal's own hosts (never to a CDN or a signed upload URL), every call has a
/// deadline, and repeatable calls are retried; a malformed answer is retried once.
/// </summary>
internal sealed class FalApi(HttpClient http, FalOptions options, TimeProvider time, RetryRunner retry)
{
    public HttpClient Http => http;

    public TimeProvider Time => time;

    public HttpRequestMessage Request(HttpMethod method, Uri url, JsonNode? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (IsFalHost(url) && !string.IsNullOrWhiteSpace(options.Key))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Key", options.Key);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public Task<HttpAnswer> SendOnceAsync(HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken) =>
        HttpExchange.SendAsync(http, request, timeout, time, cancellationToken);

    /// <summary>
    /// Sends a repeatable call until it answers and returns the answer with its parsed JSON; error answers for which
    /// <paramref name="acceptError"/> is true (e.g. a cancel's 400 ALREADY_COMPLETED) are returned instead of thrown.
    /// </summary>
    public Task<(HttpAnswer Answer, JsonNode? Json)> SendRepeatableAsync(
        FalCall call, string subject, string? requestId, Func<HttpRequestMessage> create, Func<HttpAnswer, bool> acceptError, CancellationToken cancellationToken)
    {
        var malformed = 0;
        return retry.ExecuteAsync(
            call.ToString().ToLowerInvariant(),
            async token =>
            {
                using var request = create();
                var answer = await SendOnceAsync(request, options.RequestTimeout, token);
                if (!answer.IsSuccess && !acceptError(answer))
                {
                    throw FalErrors.FromAnswer(answer, call, subject, requestId, time);
                }

                try
                {
                    return (answer, answer.Body.Length == 0 ? null : JsonNode.Parse(answer.Body));
                }
                catch (JsonException ex) when (answer.IsSuccess && ++malformed == 1)
                {
                    throw new TransientHttpException($"fal.ai {call} for {subject} answered with a body that is not JSON", answer.Status, inner: ex);
                }
                catch (JsonException ex) when (answer.IsSuccess)
                {
                    throw new ProviderException(
                        $"fal.ai {call.ToString().ToLowerInvariant()} for {subject} answered twice with a body that is not JSON", ProviderErrorKind.Other, answer.Status, requestId, ex);
                }
                catch (JsonException)
                {
                    return (answer, null);
                }
            },
            cancellationToken);
    }

    public Uri QueueEndpoint(string path) => Join(options.QueueUrl, path);

    public Uri RestEndpoint(string path) => Join(options.RestUrl, path);

    private static Uri Join(Uri root, string path) => new($"{root.ToString().TrimEnd('/')}/{path.TrimStart('/')}");

    private bool IsFalHost(Uri url) =>
        SameOrigin(url, options.QueueUrl) || SameOrigin(url, options.RestUrl)
        || (url.Scheme == Uri.UriSchemeHttps && (url.Host.EndsWith(".fal.run", StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith(".fal.ai", StringComparison.OrdinalIgnoreCase)));

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;
}
