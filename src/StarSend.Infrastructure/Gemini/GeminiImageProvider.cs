using System.Text.Json;
using Flurl.Http;
using System.Text.Json.Nodes;
using Serilog;
using StarSend.Core.Errors;
using StarSend.Core.Providers;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Gemini;

/// <summary>
/// A Gemini image model through generateContent. Per-minute 429s wait as long as RetryInfo says (bounded by
/// <see cref="RetrySettings.MaxRetryAfter"/>); a quota that cannot recover (per day, limit 0) is an
/// <see cref="AccountBlockedException"/> at once, and every later call of this provider fails with it unsent.
/// 5xx and broken connections are retried with back-off. An answer without an image is never asked again here: it
/// is kind NoImage (NO_IMAGE, IMAGE_OTHER, no image part), which the workflow asks once more as a new paid call
/// recorded before it is sent, or ContentPolicy (a safety refusal), asked never. A job that names its model calls exactly that
/// model (the StepRunner walks <c>image_models</c> itself); without one, a model no longer served falls back once.
/// </summary>
public sealed class GeminiImageProvider : IImageProvider
{
    private readonly IFlurlClient _http;
    private readonly GeminiOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly RetryRunner _retry;
    private volatile bool _mainModelGone;
    private volatile AccountBlockedException? _blocked;

    /// <summary>
    /// <paramref name="connections"/> is the shared connection pool (see <see cref="ProviderHttp.CreateConnections"/>: no
    /// automatic redirects; each call sets its own deadline); the provider builds one Flurl client on it for its base URL, with the key
    /// in the <c>x-goog-api-key</c> header.
    /// </summary>
    public GeminiImageProvider(HttpMessageHandler connections, GeminiOptions options, TimeProvider time, ILogger? log = null)
    {
        _http = ProviderHttp.Keyed(connections, options.BaseUrl, "x-goog-api-key", options.ApiKey);
        _options = options;
        _time = time;
        _log = log ?? Serilog.Core.Logger.None;
        _retry = new RetryRunner("Gemini", options.Retry, time, _log);
    }

    public async Task<GeneratedImage> GenerateAsync(ImageJob job, CancellationToken cancellationToken)
    {
        GeminiRequestBody.Validate(job);
        if (_blocked is { } blocked)
        {
            throw new AccountBlockedException($"not sent: {blocked.Message}", blocked.Kind, blocked.HttpStatus);
        }

        try
        {
            return await GenerateOrFallBackAsync(job, cancellationToken);
        }
        catch (AccountBlockedException ex)
        {
            _blocked ??= ex;
            throw;
        }
    }

    private async Task<GeneratedImage> GenerateOrFallBackAsync(ImageJob job, CancellationToken cancellationToken)
    {
        if (job.Model is { } pinned)
        {
            // The caller walks its own chain (image_models), one recorded, budget-checked call per model.
            return await GenerateWithAsync(job, pinned, cancellationToken);
        }

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
        var images = GeminiAnswer.Read(await CallAsync(url, body, model, cancellationToken), model);
        var chosen = images.Chosen;
        if (images.Parts.Count > 1)
        {
            _log.Information(
                "Gemini {Model} returned {Images} images ({Thoughts} flagged as thoughts); using image {Chosen}, keeping all",
                model, images.Parts.Count, images.Parts.Count(p => p.Thought), images.Parts.ToList().IndexOf(chosen) + 1);
        }

        return new GeneratedImage
        {
            Data = chosen.Data,
            MimeType = chosen.MimeType,
            Model = model,
            CostUsd = Cost(model, images.ImageTokens),
            Text = images.Text,
            Images = images.Parts,
        };
    }

    /// <summary>One generateContent call, retried on transient faults, answering the JSON of a 200.</summary>
    private Task<JsonObject> CallAsync(Uri url, JsonObject body, string model, CancellationToken cancellationToken)
    {
        var malformed = 0;
        return _retry.ExecuteAsync(
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
    }

    /// <summary>
    /// One call's cost, counted once whatever the number of image parts: from its image output tokens when reported
    /// (Google bills tokens, providers.md §3.7), else the model's price for one image.
    /// </summary>
    private decimal Cost(string model, long? imageTokens)
    {
        var perImage = PerImage(model);
        return imageTokens is { } tokens && _options.TokensPerImage > 0
            ? Math.Round(tokens * perImage / _options.TokensPerImage, 6)
            : perImage;
    }

    private decimal PerImage(string model)
    {
        if (_options.ImagePrices.TryGetValue(model, out var perImage))
        {
            return perImage;
        }

        _log.Warning("No price known for {Model}; the image is recorded at $0", model);
        return 0;
    }
}
