using System.Collections.Concurrent;
using System.Text.Json;
using Flurl.Http;
using System.Text.Json.Nodes;
using StarSend.Core.Errors;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Fal;

/// <summary>
/// fal.ai HTTP through Flurl: one client per fal base URL (queue, REST) carrying the key, one more per other fal
/// API host a submit answer points at, and a plain client for everything else. The key goes only to fal's own
/// hosts (never to a CDN or a signed upload URL), every call has a deadline, and repeatable calls are retried; a
/// malformed answer is retried once.
/// </summary>
internal sealed class FalApi
{
    private const string KeyHeader = "Authorization";

    private readonly HttpMessageHandler _connections;
    private readonly FalOptions _options;
    private readonly RetryRunner _retry;
    private readonly IFlurlClient _queue;
    private readonly IFlurlClient _rest;
    private readonly ConcurrentDictionary<string, IFlurlClient> _otherFalHosts = new(StringComparer.OrdinalIgnoreCase);

    public FalApi(HttpMessageHandler connections, FalOptions options, TimeProvider time, RetryRunner retry)
    {
        _connections = connections;
        _options = options;
        _retry = retry;
        Time = time;
        _queue = Keyed(options.QueueUrl);
        _rest = SameOrigin(options.RestUrl, options.QueueUrl) ? _queue : Keyed(options.RestUrl);
        Plain = ProviderHttp.Plain(connections);
    }

    /// <summary>The key-less client for signed upload URLs and CDN downloads.</summary>
    public IFlurlClient Plain { get; }

    public TimeProvider Time { get; }

    /// <summary>A request to <paramref name="url"/> through the client of its origin: with the key only when that is fal's.</summary>
    public IFlurlRequest Request(Uri url) => ClientFor(url).Request(url.AbsoluteUri).WithHeader("Accept", "application/json");

    /// <summary>Sends <paramref name="request"/> once (a JSON body when given) and reads the whole answer under <paramref name="timeout"/>.</summary>
    public Task<HttpAnswer> SendOnceAsync(IFlurlRequest request, HttpMethod method, JsonNode? body, TimeSpan timeout, CancellationToken cancellationToken) =>
        HttpExchange.SendAsync(
            token => body is null
                ? request.SendAsync(method, null, HttpCompletionOption.ResponseHeadersRead, token)
                : request.SendJsonAsync(method, body, HttpCompletionOption.ResponseHeadersRead, token),
            timeout,
            Time,
            cancellationToken);

    /// <summary>
    /// Sends a repeatable call until it answers and returns the answer with its parsed JSON; error answers for which
    /// <paramref name="acceptError"/> is true (e.g. a cancel's 400 ALREADY_COMPLETED) are returned instead of thrown.
    /// </summary>
    public Task<(HttpAnswer Answer, JsonNode? Json)> SendRepeatableAsync(
        FalCall call, string subject, string? requestId, HttpMethod method, Uri url, JsonNode? body, Func<HttpAnswer, bool> acceptError, CancellationToken cancellationToken)
    {
        var malformed = 0;
        return _retry.ExecuteAsync(
            call.ToString().ToLowerInvariant(),
            async token =>
            {
                var answer = await SendOnceAsync(Request(url), method, body?.DeepClone(), _options.RequestTimeout, token);
                if (!answer.IsSuccess && !acceptError(answer))
                {
                    throw FalErrors.FromAnswer(answer, call, subject, requestId, Time);
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

    public Uri QueueEndpoint(string path) => Join(_options.QueueUrl, path);

    public Uri RestEndpoint(string path) => Join(_options.RestUrl, path);

    private static Uri Join(Uri root, string path) => new($"{root.ToString().TrimEnd('/')}/{path.TrimStart('/')}");

    private IFlurlClient ClientFor(Uri url)
    {
        if (SameOrigin(url, _options.QueueUrl))
        {
            return _queue;
        }

        if (SameOrigin(url, _options.RestUrl))
        {
            return _rest;
        }

        return IsOtherFalApiHost(url) ? _otherFalHosts.GetOrAdd(url.GetLeftPart(UriPartial.Authority), origin => Keyed(new Uri(origin))) : Plain;
    }

    private IFlurlClient Keyed(Uri baseUrl) => ProviderHttp.Keyed(_connections, baseUrl, KeyHeader, string.IsNullOrWhiteSpace(_options.Key) ? null : $"Key {_options.Key}");

    /// <summary>fal's API hosts over https (<c>*.fal.run</c>, <c>*.fal.ai</c>); its CDN (<c>*.fal.media</c>) is not one.</summary>
    private static bool IsOtherFalApiHost(Uri url) =>
        url.Scheme == Uri.UriSchemeHttps && (url.Host.EndsWith(".fal.run", StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith(".fal.ai", StringComparison.OrdinalIgnoreCase));

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;
}
