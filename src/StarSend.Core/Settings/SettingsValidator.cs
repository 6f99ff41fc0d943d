using System.Text.Json;
using StarSend.Core.Errors;
using StarSend.Core.Json;
using StarSend.Core.Plans.Validation;

namespace StarSend.Core.Settings;

/// <summary>Checks <c>starsend.json</c> against <see cref="ProjectSettings"/>: known keys, types and ranges, each problem with its path.</summary>
internal static class SettingsValidator
{
    public const int MaxConcurrency = 16;
    public const int MaxGridRetries = 10;

    private static readonly string[] ModelKeys = ["video_model", "image_model", "image_fallback_model", "analysis_model"];
    private static readonly string[] UrlKeys = ["fal_queue_url", "fal_rest_url", "gemini_url", "leonardo_url"];
    private static readonly string[] PriceKeys = ["video_prices_per_second", "image_prices"];

    /// <summary>Gemini's <c>imageConfig.imageSize</c> values (providers.md §3.3; 512 on 3.1 Flash Image only).</summary>
    private static readonly string[] ImageSizes = ["512", "1K", "2K", "4K"];

    private static readonly HashSet<string> KnownKeys =
        [.. StarSendJson.Options.GetTypeInfo(typeof(ProjectSettings)).Properties.Select(p => p.Name)];

    public static List<PlanProblem> Validate(JsonElement root)
    {
        var fields = new JsonFields([]);
        if (!fields.IsObject(root, "$"))
        {
            return fields.Problems;
        }

        foreach (var property in root.EnumerateObject().Where(p => !KnownKeys.Contains(p.Name)))
        {
            fields.Add(JsonFields.Child("$", property.Name), UnknownKeyReason(property.Name));
        }

        foreach (var key in ModelKeys)
        {
            if (fields.Text(root, "$", key, Need.Optional) is { } model && !IsModelId(model))
            {
                fields.Add(JsonFields.Child("$", key), $"{JsonFields.Quote(model)} is not a model id (letters, digits, '.', '_', '-', '/' and one 'provider:' prefix)");
            }
        }

        CheckRetired(fields, root);
        if (fields.Text(root, "$", "video_model", Need.Optional) is { } video && IsModelId(video)
            && Providers.VideoModels.VideoModelCatalog.Problem(video, RetiredFrom(root)) is { } modelProblem)
        {
            fields.Add("$.video_model", modelProblem);
        }

        CheckModelList(fields, root, "video_models", ["video_model"], model => Providers.VideoModels.VideoModelCatalog.Problem(model, RetiredFrom(root)));
        CheckModelList(fields, root, "image_models", ["image_model", "image_fallback_model"], model => ImageModelProblem(root, model));

        foreach (var key in UrlKeys)
        {
            if (fields.Text(root, "$", key, Need.Optional) is { } url && UrlProblem(url) is { } reason)
            {
                fields.Add(JsonFields.Child("$", key), reason);
            }
        }

        if (fields.Text(root, "$", "image_size", Need.Optional) is { } size && !ImageSizes.Contains(size))
        {
            fields.Add("$.image_size", $"{JsonFields.Quote(size)} is not an image size; use one of {string.Join(", ", ImageSizes)}");
        }

        CheckWhole(fields, root, "concurrency", 1, MaxConcurrency);
        CheckWhole(fields, root, "grid_retries", 0, MaxGridRetries);
        if (fields.Number(root, "$", "budget_usd", Need.Nullable, "an amount of US dollars") is double budget && budget <= 0)
        {
            fields.Add("$.budget_usd", $"must be more than 0 US dollars (or null for no budget), got {JsonFields.Format(budget)}");
        }

        foreach (var key in PriceKeys)
        {
            CheckPrices(fields, root, key);
        }

        if (fields.Text(root, "$", "prices_checked_on", Need.Optional) is { } checkedOn
            && !DateOnly.TryParseExact(checkedOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
        {
            fields.Add("$.prices_checked_on", $"expected a date like \"2026-11-01\", got {JsonFields.Quote(checkedOn)}");
        }

        return fields.Problems;
    }

    /// <summary>Why a provider base URL cannot be used, or null. The value itself is never echoed: it might carry a key.</summary>
    public static string? UrlProblem(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return "expected an absolute http or https URL";
        }

        return uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0
            ? "a base URL cannot carry user info, a query or a fragment (keys come from FAL_KEY and GEMINI_API_KEY)"
            : null;
    }

    private static string UnknownKeyReason(string key) =>
        key.Contains("key", StringComparison.OrdinalIgnoreCase) || key.Contains("secret", StringComparison.OrdinalIgnoreCase)
            ? "keys are not settings: set FAL_KEY, GEMINI_API_KEY and LEONARDO_API_KEY in the environment"
            : $"unknown setting; known: {string.Join(", ", KnownKeys.Order(StringComparer.Ordinal))}";

    private static bool IsModelId(string model)
    {
        var colon = model.IndexOf(':', StringComparison.Ordinal);
        var provider = colon < 0 ? "fal" : model[..colon];
        var id = colon < 0 ? model : model[(colon + 1)..];
        return provider.Length > 0 && provider.All(char.IsAsciiLetterOrDigit)
            && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/')
            && !id.Split('/').Any(part => part is "" or "." or "..");
    }

    /// <summary>
    /// An ordered model list (<c>video_models</c>, <c>image_models</c>): a non-empty array of distinct model ids, each
    /// one the provider still serves; not together with the singular settings it replaces (<paramref name="singular"/>).
    /// </summary>
    private static void CheckModelList(JsonFields fields, JsonElement root, string key, string[] singular, Func<string, string?> problem)
    {
        if (fields.Array(root, "$", key, Need.Optional) is not { } list)
        {
            return;
        }

        var path = JsonFields.Child("$", key);
        if (singular.FirstOrDefault(s => root.TryGetProperty(s, out _)) is { } both)
        {
            fields.Add(path, $"give either {key} or {both}, not both ({key}[0] is the model tried first)");
        }

        if (list.GetArrayLength() == 0)
        {
            fields.Add(path, "is empty; list at least one model, the first tried first");
            return;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = JsonFields.Item(path, index++);
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                fields.Add(at, $"expected a model id, got {JsonFields.Describe(item)}");
                continue;
            }

            var model = item.GetString()!.Trim();
            if (!IsModelId(model))
            {
                fields.Add(at, $"{JsonFields.Quote(model)} is not a model id (letters, digits, '.', '_', '-', '/' and one 'provider:' prefix)");
            }
            else if (!seen.Add(model))
            {
                fields.Add(at, $"{model} is listed twice; each model is tried once");
            }
            else if (problem(model) is { } reason)
            {
                fields.Add(at, reason);
            }
        }
    }

    /// <summary>Why an image model cannot be in <c>image_models</c>: retired by Google, or unknown (no price here or in <c>image_prices</c>).</summary>
    private static string? ImageModelProblem(JsonElement root, string model)
    {
        if (SettingsDefaults.RetiredImageModels.TryGetValue(model, out var since))
        {
            return $"{model} was shut down on {since:yyyy-MM-dd} (Gemini answers 404 NOT_FOUND); use {SettingsDefaults.ImageModel}";
        }

        var priced = SettingsDefaults.ImagePrices.ContainsKey(model)
            || (root.TryGetProperty("image_prices", out var prices) && prices.ValueKind == JsonValueKind.Object && prices.TryGetProperty(model, out _));
        return priced ? null : $"{model} is not a known image model (known: {string.Join(", ", SettingsDefaults.ImagePrices.Keys.Where(k => !SettingsDefaults.RetiredImageModels.ContainsKey(k)))}); give its price in image_prices to use it";
    }

    /// <summary><c>retired_video_models</c>: each entry needs <c>retired_on</c> (yyyy-MM-dd) and <c>use_instead</c>.</summary>
    private static void CheckRetired(JsonFields fields, JsonElement root)
    {
        if (fields.Object(root, "$", "retired_video_models", Need.Optional) is not { } retired)
        {
            return;
        }

        foreach (var entry in retired.EnumerateObject())
        {
            var path = JsonFields.Child("$.retired_video_models", entry.Name);
            if (!fields.IsObject(entry.Value, path))
            {
                continue;
            }

            if (fields.Text(entry.Value, path, "retired_on", Need.Required) is { } date && !DateOnly.TryParseExact(date, "yyyy-MM-dd", out _))
            {
                fields.Add($"{path}.retired_on", $"expected a date as yyyy-MM-dd, got {JsonFields.Quote(date)}");
            }

            fields.Text(entry.Value, path, "use_instead", Need.Required);
            fields.Text(entry.Value, path, "reason", Need.Nullable);
        }
    }

    private static Dictionary<string, Providers.VideoModels.RetiredModel> RetiredFrom(JsonElement root)
    {
        var found = new Dictionary<string, Providers.VideoModels.RetiredModel>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("retired_video_models", out var retired) && retired.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in retired.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.Object
                    && entry.Value.TryGetProperty("retired_on", out var on) && on.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(on.GetString(), "yyyy-MM-dd", out var date)
                    && entry.Value.TryGetProperty("use_instead", out var use) && use.ValueKind == JsonValueKind.String)
                {
                    found[entry.Name] = new(entry.Name, date, "marked retired in starsend.json", use.GetString()!);
                }
            }
        }

        return found;
    }

    private static void CheckWhole(JsonFields fields, JsonElement root, string key, int min, int max)
    {
        var what = $"a whole number from {min} to {max}";
        if (fields.Whole(root, "$", key, Need.Optional, what) is { } value && (value < min || value > max))
        {
            fields.Add(JsonFields.Child("$", key), $"expected {what}, got {value}");
        }
    }

    private static void CheckPrices(JsonFields fields, JsonElement root, string key)
    {
        if (fields.Object(root, "$", key, Need.Optional) is not { } prices)
        {
            return;
        }

        var path = JsonFields.Child("$", key);
        foreach (var price in prices.EnumerateObject())
        {
            if (fields.Number(prices, path, price.Name, Need.Required, "a price in US dollars") is double usd && usd < 0)
            {
                fields.Add(JsonFields.Child(path, price.Name), $"must be 0 or more, got {price.Value.GetRawText()}");
            }
        }
    }
}
