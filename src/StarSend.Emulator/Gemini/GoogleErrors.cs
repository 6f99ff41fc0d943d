using System.Text.Json.Nodes;
using StarSend.Emulator.Http;

namespace StarSend.Emulator.Gemini;

/// <summary>Google RPC style error bodies: <c>{"error":{"code","message","status","details"}}</c>.</summary>
internal static class GoogleErrors
{
    public static Reply Error(int code, string status, string message, JsonArray? details = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status };
        if (details is not null)
        {
            error["details"] = details;
        }

        return Reply.Json(code, new JsonObject { ["error"] = error });
    }

    public static Reply MissingKey() => Error(
        403,
        "PERMISSION_DENIED",
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.");

    public static Reply InvalidArgument(string message) => Error(400, "INVALID_ARGUMENT", message);

    public static Reply ModelNotFound(string model, string? why = null) => Error(
        404,
        "NOT_FOUND",
        $"models/{model} is not found for API version v1beta, or is not supported for generateContent.{(why is null ? " Call ListModels to see the list of available models and their supported methods." : " " + why)}");

    /// <summary>A 429; <paramref name="perDay"/> names a per-day quota, which a client must not retry until the reset.</summary>
    public static Reply Quota(string model, int retryDelaySeconds, bool perDay)
    {
        var quotaId = perDay ? "GenerateRequestsPerDayPerProjectPerModel" : "GenerateRequestsPerMinutePerProjectPerModel";
        var metric = perDay ? "generativelanguage.googleapis.com/generate_requests_per_model_per_day" : "generativelanguage.googleapis.com/generate_requests_per_model";
        var details = new JsonArray(
            new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.QuotaFailure",
                ["violations"] = new JsonArray(new JsonObject
                {
                    ["quotaMetric"] = metric,
                    ["quotaId"] = quotaId,
                    ["quotaDimensions"] = new JsonObject { ["location"] = "global", ["model"] = model },
                    ["quotaValue"] = perDay ? "250" : "10",
                }),
            },
            new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.Help",
                ["links"] = new JsonArray(new JsonObject
                {
                    ["description"] = "Learn more about Gemini API quotas",
                    ["url"] = "https://ai.google.dev/gemini-api/docs/rate-limits",
                }),
            },
            new JsonObject { ["@type"] = "type.googleapis.com/google.rpc.RetryInfo", ["retryDelay"] = $"{retryDelaySeconds}s" });
        var message = $"You exceeded your current quota, please check your plan and billing details. * Quota exceeded for metric: {metric}, limit: {(perDay ? 250 : 10)}, model: {model}. Please retry in {retryDelaySeconds}s.";
        return Error(429, "RESOURCE_EXHAUSTED", message, details);
    }

    /// <summary>
    /// A 429 for a free-tier quota with <c>limit: 0</c> (image models are paid-only, field-log #12): the quota id is a
    /// per-minute one and RetryInfo asks for a short wait, yet no wait can ever help.
    /// </summary>
    public static Reply FreeTierQuota(string model, int retryDelaySeconds)
    {
        const string metric = "generativelanguage.googleapis.com/generate_content_free_tier_requests";
        var details = new JsonArray(
            new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.QuotaFailure",
                ["violations"] = new JsonArray(new JsonObject
                {
                    ["quotaMetric"] = metric,
                    ["quotaId"] = "GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
                    ["quotaDimensions"] = new JsonObject { ["location"] = "global", ["model"] = model },
                }),
            },
            new JsonObject { ["@type"] = "type.googleapis.com/google.rpc.RetryInfo", ["retryDelay"] = $"{retryDelaySeconds}s" });
        var message = $"You exceeded your current quota, please check your plan and billing details. * Quota exceeded for metric: {metric}, limit: 0, model: {model}. Please retry in {retryDelaySeconds}s.";
        return Error(429, "RESOURCE_EXHAUSTED", message, details);
    }
}
