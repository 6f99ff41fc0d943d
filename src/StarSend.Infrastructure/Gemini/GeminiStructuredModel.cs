using System.Text.Json;
using System.Text.Json.Nodes;
using Flurl.Http;
using Serilog;
using StarSend.Core.Errors;
using StarSend.Core.Providers;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Gemini;

/// <summary>
/// A Gemini text/vision model answering JSON against a schema: <c>generateContent</c> with
/// <c>generationConfig.responseMimeType: application/json</c> and <c>responseJsonSchema</c> (standard JSON Schema;
/// providers-2.md §3.2–§3.4). The JSON is the first non-thought text part; <c>finishReason: MAX_TOKENS</c> (cut JSON)
/// and an answer without text are BadOutput; a safety finish or block is ContentPolicy. 5xx and broken connections
/// are retried like the image calls; 429s wait per RetryInfo. Priced from <c>usageMetadata</c> tokens
/// (input, and output with thinking) at the analysis prices of providers-2.md §3.5.
/// </summary>
public sealed class GeminiStructuredModel : IStructuredModel
{
    private static readonly string[] PolicyReasons = ["SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "RECITATION"];

    private readonly IFlurlClient _http;
    private readonly GeminiOptions _options;
    private readonly TimeProvider _time;
    private readonly RetryRunner _retry;
    private readonly decimal _inputPerMillion;
    private readonly decimal _outputPerMillion;

    /// <summary><paramref name="inputPerMillion"/> and <paramref name="outputPerMillion"/> are US dollars per million tokens.</summary>
    public GeminiStructuredModel(HttpMessageHandler connections, GeminiOptions options, TimeProvider time, decimal inputPerMillion, decimal outputPerMillion, ILogger? log = null)
    {
        _http = ProviderHttp.Keyed(connections, options.BaseUrl, "x-goog-api-key", options.ApiKey);
        _options = options;
        _time = time;
        _retry = new RetryRunner("Gemini", options.Retry, time, log ?? Serilog.Core.Logger.None);
        _inputPerMillion = inputPerMillion;
        _outputPerMillion = outputPerMillion;
    }

    public async Task<StructuredAnswer> AskAsync(StructuredQuestion question, CancellationToken cancellationToken)
    {
        var model = question.Model;
        var url = $"{_options.BaseUrl.ToString().TrimEnd('/')}/v1beta/models/{Uri.EscapeDataString(model)}:generateContent";
        var parts = new JsonArray();
        foreach (var image in question.Images)
        {
            parts.Add(new JsonObject { ["inlineData"] = new JsonObject { ["mimeType"] = image.MimeType, ["data"] = Convert.ToBase64String(image.Data) } });
        }

        parts.Add(new JsonObject { ["text"] = question.Text });
        var body = new JsonObject
        {
            ["systemInstruction"] = new JsonObject { ["parts"] = new JsonArray(new JsonObject { ["text"] = question.Instruction }) },
            ["contents"] = new JsonArray(new JsonObject { ["role"] = "user", ["parts"] = parts }),
            ["generationConfig"] = new JsonObject
            {
                ["responseMimeType"] = "application/json",
                ["responseJsonSchema"] = JsonNode.Parse(question.JsonSchema),
            },
        };
        var answer = await _retry.ExecuteAsync(
            "generateContent",
            async token =>
            {
                var reply = await HttpExchange.SendAsync(
                    t => _http.Request(url).WithHeader("Accept", "application/json").SendJsonAsync(HttpMethod.Post, body, HttpCompletionOption.ResponseHeadersRead, t),
                    _options.RequestTimeout, _time, token);
                if (!reply.IsSuccess)
                {
                    throw GeminiErrors.FromAnswer(reply, model, _time);
                }

                try
                {
                    return JsonNode.Parse(reply.Body) as JsonObject
                        ?? throw new ProviderException($"Gemini {model} answered with JSON that is not an object", ProviderErrorKind.BadOutput, reply.Status);
                }
                catch (JsonException ex)
                {
                    throw new ProviderException($"Gemini {model} answered with a body that is not JSON", ProviderErrorKind.BadOutput, reply.Status, inner: ex);
                }
            },
            cancellationToken);
        return new StructuredAnswer(Read(answer, model), JsonText.Of(answer["modelVersion"]) ?? model, Cost(answer));
    }

    private static string Read(JsonObject answer, string model)
    {
        if (JsonText.Of((answer["promptFeedback"] as JsonObject)?["blockReason"]) is { } block)
        {
            throw new ProviderException($"Gemini {model} refused the request ({block})", ProviderErrorKind.ContentPolicy, 200);
        }

        var candidate = (answer["candidates"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        var finish = JsonText.Of(candidate?["finishReason"]);
        if (finish is not null && PolicyReasons.Contains(finish))
        {
            throw new ProviderException($"Gemini {model} refused to answer (finishReason {finish})", ProviderErrorKind.ContentPolicy, 200);
        }

        if (finish == "MAX_TOKENS")
        {
            throw new ProviderException($"Gemini {model} ran out of tokens (finishReason MAX_TOKENS): the JSON is cut", ProviderErrorKind.BadOutput, 200);
        }

        foreach (var part in ((candidate?["content"] as JsonObject)?["parts"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var thought = part["thought"] is JsonValue flag && flag.TryGetValue<bool>(out var isThought) && isThought;
            if (!thought && JsonText.Of(part["text"]) is { } text)
            {
                return text;
            }
        }

        throw new ProviderException($"Gemini {model} answered without text (finishReason {finish ?? "none"})", ProviderErrorKind.BadOutput, 200);
    }

    private decimal Cost(JsonObject answer)
    {
        var usage = answer["usageMetadata"] as JsonObject;
        long Tokens(string name) => usage?[name] is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
        var output = Tokens("candidatesTokenCount") + Tokens("thoughtsTokenCount");
        return Math.Round(((Tokens("promptTokenCount") * _inputPerMillion) + (output * _outputPerMillion)) / 1_000_000m, 6);
    }
}
