using System.Text.Json;
using System.Text.Json.Nodes;
using Flurl.Http;
using StarSend.Core.Errors;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Leonardo;

/// <summary>
/// Leonardo HTTP through Flurl: one client for the REST root carrying <c>authorization: Bearer</c> (never following a
/// redirect), and a key-less client for the presigned storage POST and CDN downloads (no authorization header goes
/// to S3, providers-2.md §2.2). Every call has a deadline; repeatable calls are retried with back-off.
/// </summary>
internal sealed class LeonardoApi
{
    private readonly LeonardoOptions _options;
    private readonly RetryRunner _retry;
    private readonly IFlurlClient _api;

    public LeonardoApi(HttpMessageHandler connections, LeonardoOptions options, TimeProvider time, RetryRunner retry)
    {
        _options = options;
        _retry = retry;
        Time = time;
        _api = ProviderHttp.Keyed(connections, options.BaseUrl, "authorization", string.IsNullOrWhiteSpace(options.Key) ? null : $"Bearer {options.Key}");
        Plain = ProviderHttp.Plain(connections);
    }

    /// <summary>The key-less client for the presigned upload URL and the CDN.</summary>
    public IFlurlClient Plain { get; }

    public TimeProvider Time { get; }

    public bool HasKey => !string.IsNullOrWhiteSpace(_options.Key);

    /// <summary>An absolute URL under the REST root, e.g. <c>v1/init-image</c>.</summary>
    public Uri Endpoint(string path) => new($"{_options.BaseUrl.ToString().TrimEnd('/')}/{path.TrimStart('/')}");

    /// <summary>A request on the keyed client; <paramref name="url"/> must be under the REST root (checked: the key never leaves it).</summary>
    public IFlurlRequest Request(Uri url)
    {
        if (!url.AbsoluteUri.StartsWith(_options.BaseUrl.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            throw new ProviderException($"refusing to send the Leonardo key to {url.GetLeftPart(UriPartial.Authority)}, which is not {_options.BaseUrl.Host}", ProviderErrorKind.Other);
        }

        return _api.Request(url.AbsoluteUri).WithHeader("accept", "application/json");
    }

    /// <summary>Sends once (a JSON body when given) and reads the whole answer under the request deadline.</summary>
    public Task<HttpAnswer> SendOnceAsync(Uri url, HttpMethod method, JsonNode? body, CancellationToken cancellationToken)
    {
        var request = Request(url);
        return HttpExchange.SendAsync(
            token => body is null
                ? request.SendAsync(method, null, HttpCompletionOption.ResponseHeadersRead, token)
                : request.SendJsonAsync(method, body, HttpCompletionOption.ResponseHeadersRead, token),
            _options.RequestTimeout,
            Time,
            cancellationToken);
    }

    /// <summary>Sends a repeatable call until it answers with success; returns the parsed JSON. A malformed success is retried once.</summary>
    public Task<JsonNode?> SendRepeatableAsync(
        LeonardoCall call, string subject, string? generationId, HttpMethod method, Uri url, JsonNode? body, CancellationToken cancellationToken)
    {
        var malformed = 0;
        return _retry.ExecuteAsync(
            call.ToString().ToLowerInvariant(),
            async token =>
            {
                var answer = await SendOnceAsync(url, method, body?.DeepClone(), token);
                if (!answer.IsSuccess)
                {
                    throw LeonardoErrors.FromAnswer(answer, call, subject, generationId, Time);
                }

                try
                {
                    return answer.Body.Length == 0 ? null : JsonNode.Parse(answer.Body);
                }
                catch (JsonException ex) when (++malformed == 1)
                {
                    throw new TransientHttpException($"Leonardo {call} for {subject} answered with a body that is not JSON", answer.Status, inner: ex);
                }
                catch (JsonException ex)
                {
                    throw new ProviderException($"Leonardo {call} for {subject} answered twice with a body that is not JSON", ProviderErrorKind.Other, answer.Status, generationId, ex);
                }
            },
            cancellationToken);
    }
}
