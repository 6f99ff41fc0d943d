using System.Text.Json;
using Flurl.Http;
using System.Text.Json.Nodes;
using Serilog;
using StarSend.Core.Errors;
using StarSend.Core.Providers;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Gemini;

/// <summary>
/// A Gemini image model through generateContent. 429s wait as long as RetryInfo says (a per-day quota is final),
/// 5xx and broken connections are retried with back-off, and a model that is no longer served falls back once.
/// </summary>
public sealed class GeminiImageProvider : IImageProvider
{
    private readonly IFlurlClient _http;
    private readonly GeminiOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly RetryRunner _retry;
    private volatile bool _mainModelGone;

    /// <summary>
    /// <paramref name="http"/> is the shared connection pool (see <see cref="ProviderHttp.CreateClient"/>: no client-wide
    /// timeout, no automatic redirects); the provider builds one Flurl client on it for its base URL, with the key
    /// in the <c>x-goog-api-key</c> header.
    /// </summary>
    public GeminiImageProvider(HttpClient http, GeminiOptions options, TimeProvider time, ILogger? log = null)
    {
        _http = ProviderHttp.Keyed(http, options.BaseUrl, "x-goog-api-key", options.ApiKey);
        _options = options;
        _time = time;
        _log = log ?? Serilog.Core.Logger.None;
        _retry = new RetryRunner("Gemini", options.Retry, time, _log);
    }

    public async Task<GeneratedImage> GenerateAsync(ImageJob job, CancellationToken cancellationToken)
    {
        GeminiRequestBody.Validate(job);
        var fallback = _options.FallbackModel is { } f && f != _options.Model ? f : null;
        if (_mainModelGone && fallback is not null)
        {
            return await GenerateWithAsync(job, fallback, cancellationToken);
        }

        try
        {
            return await GenerateWithAsync(job, _options.Model, cancellationToken);
        }
        catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.ModelNotFound && fallback is not null)
        {
            _log.Warning("{Message}; using the fallback model {Fallback}", ex.Message, fallback);
            _mainModelGone = true;
            try
            {
                return await GenerateWithAsync(job, fallback, cancellationToken);
            }
            catch (ProviderException inner) when (inner.Kind == ProviderErrorKind.ModelNotFound)
            {
                throw new ProviderException(
                    $"Gemini serves neither {_options.Model} nor the fallback {fallback} (retired?): set image_model in starsend.json to a current model",
                    ProviderErrorKind.ModelNotFound,
                    inner.HttpStatus,
                    inner: inner);
            }
        }
    }

    private async Task<GeneratedImage> GenerateWithAsync(ImageJob job, string model, CancellationToken cancellationToken)
    {
        var url = new Uri($"{_options.BaseUrl.ToString().TrimEnd('/')}/v1beta/models/{Uri.EscapeDataString(model)}:generateContent");
        var body = GeminiRequestBody.Build(job, model, _options);
        var malformed = 0;
        var answer = await _retry.ExecuteAsync(
            "generateContent",
            async token =>
            {
                var request = _http.Request(url.AbsoluteUri).WithHeader("Accept", "application/json");
                var reply = await HttpExchange.SendAsync(
                    t => request.SendJsonAsync(HttpMethod.Post, body, HttpCompletionOption.ResponseHeadersRead, t), _options.RequestTimeout, _time, token);
                if (!reply.IsSuccess)
                {
                    throw GeminiErrors.FromAnswer(reply, model, _time);
                }

                try
                {
                    return JsonNode.Parse(reply.Body) as JsonObject
                        ?? throw new ProviderException($"Gemini {model} answered with JSON that is not an object", ProviderErrorKind.Other, reply.Status);
                }
                catch (JsonException ex) when (++malformed == 1)
                {
                    throw new TransientHttpException($"Gemini {model} answered with a body that is not JSON", reply.Status, inner: ex);
                }
                catch (JsonException ex)
                {
                    throw new ProviderException($"Gemini {model} answered twice with a body that is not JSON", ProviderErrorKind.Other, reply.Status, inner: ex);
                }
            },
            cancellationToken);

        var (data, mime, text, images, tokens) = GeminiAnswer.Read(answer, model);
        if (images > 1)
        {
            _log.Information("Gemini {Model} returned {Images} images; keeping the first", model, images);
        }

        return new GeneratedImage { Data = data, MimeType = mime, Model = model, CostUsd = Cost(model, tokens, images), Text = text };
    }

    private decimal Cost(string model, long? imageTokens, int images)
    {
        if (!_options.ImagePrices.TryGetValue(model, out var perImage))
        {
            _log.Warning("No price known for {Model}; the image is recorded at $0", model);
            return 0;
        }

        return imageTokens is { } tokens && _options.TokensPerImage > 0
            ? Math.Round(tokens * perImage / _options.TokensPerImage, 6)
            : perImage * images;
    }
}
