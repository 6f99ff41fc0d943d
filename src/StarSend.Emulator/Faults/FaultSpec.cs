using System.Globalization;

namespace StarSend.Emulator.Faults;

/// <summary>
/// Parses fault rules: <c>RULE (';' RULE)*</c>, <c>RULE := TARGET ':' FAULT ['=' ARG] ['@' WHEN]</c>,
/// <c>WHEN := N[,N...] | N-M | pFLOAT</c>. Throws <see cref="FormatException"/> with a one-line message.
/// </summary>
internal static class FaultSpec
{
    private static readonly string[] FalTargets = [FaultTargets.Submit, FaultTargets.Status, FaultTargets.Result, FaultTargets.Cancel, FaultTargets.Upload, FaultTargets.Download];

    private static readonly Dictionary<string, (FaultKind Kind, string[] Targets)> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["429"] = (FaultKind.TooManyRequests, [.. FaultTargets.All]),
        ["500"] = (FaultKind.ServerError, [.. FaultTargets.All]),
        ["502"] = (FaultKind.BadGateway, [.. FaultTargets.All]),
        ["503"] = (FaultKind.Unavailable, [.. FaultTargets.All]),
        ["504"] = (FaultKind.GatewayTimeout, [.. FaultTargets.All]),
        ["user-timeout"] = (FaultKind.UserTimeout, [.. FaultTargets.All]),
        ["422"] = (FaultKind.Unprocessable, [.. FaultTargets.All]),
        ["content-policy"] = (FaultKind.ContentPolicy, [.. FaultTargets.All]),
        ["malformed"] = (FaultKind.Malformed, [.. FaultTargets.All]),
        ["stall"] = (FaultKind.Stall, [.. FaultTargets.All]),
        ["truncate"] = (FaultKind.Truncate, [.. FaultTargets.All]),
        ["lost-response"] = (FaultKind.LostResponse, [.. FaultTargets.All]),
        ["hang"] = (FaultKind.Hang, [FaultTargets.Submit]),
        ["job-error"] = (FaultKind.JobError, [FaultTargets.Submit]),
        ["expire"] = (FaultKind.Expire, [FaultTargets.Status, FaultTargets.Result, FaultTargets.Cancel, FaultTargets.Download, FaultTargets.LeonardoStatus, FaultTargets.LeonardoDownload, FaultTargets.LeonardoUpload]),
        ["job-failed"] = (FaultKind.JobFailed, [FaultTargets.LeonardoCreate]),
        ["hasura"] = (FaultKind.Hasura, [FaultTargets.LeonardoCreate]),
        ["no-image"] = (FaultKind.NoImage, [FaultTargets.Gemini]),
        ["schema-invalid"] = (FaultKind.SchemaInvalid, [FaultTargets.Gemini]),
        ["safety"] = (FaultKind.SafetyFinish, [FaultTargets.Gemini]),
        ["image-safety"] = (FaultKind.ImageSafety, [FaultTargets.Gemini]),
        ["blocked"] = (FaultKind.Blocked, [FaultTargets.Gemini]),
        ["text-only"] = (FaultKind.TextOnly, [FaultTargets.Gemini]),
        ["thought-then-final"] = (FaultKind.ThoughtThenFinal, [FaultTargets.Gemini]),
        ["all-thought"] = (FaultKind.AllThought, [FaultTargets.Gemini]),
        ["duplicate-image"] = (FaultKind.DuplicateImage, [FaultTargets.Gemini]),
        ["image-other"] = (FaultKind.ImageOther, [FaultTargets.Gemini]),
        ["image-prohibited"] = (FaultKind.ImageProhibited, [FaultTargets.Gemini]),
        ["quota-free-tier"] = (FaultKind.QuotaFreeTier, [FaultTargets.Gemini]),
        ["not-grid"] = (FaultKind.NotGrid, [FaultTargets.Gemini]),
        ["grid-3x3"] = (FaultKind.Grid3x3, [FaultTargets.Gemini]),
        ["quota-day"] = (FaultKind.QuotaDay, [FaultTargets.Gemini]),
        ["model-gone"] = (FaultKind.ModelGone, [FaultTargets.Gemini, FaultTargets.Submit, FaultTargets.LeonardoCreate]),
        ["model-deprecated"] = (FaultKind.ModelDeprecated, [FaultTargets.Submit]),
        ["jpeg"] = (FaultKind.JpegImage, [FaultTargets.Gemini]),
        ["jpeg-labelled-png"] = (FaultKind.JpegLabelledPng, [FaultTargets.Gemini]),
        ["webp"] = (FaultKind.WebpImage, [FaultTargets.Gemini]),
        ["aspect-dropped"] = (FaultKind.AspectDropped, [FaultTargets.Gemini]),
        ["locked"] = (FaultKind.Locked, [FaultTargets.Submit, FaultTargets.Upload, FaultTargets.Result]),
        ["undocumented-status"] = (FaultKind.UndocumentedStatus, [FaultTargets.Status]),
        ["html"] = (FaultKind.Html, [FaultTargets.Download]),
        ["no-moov"] = (FaultKind.NoMoov, [FaultTargets.Download]),
        ["short"] = (FaultKind.Short, [FaultTargets.Download]),
        ["detail-list"] = (FaultKind.DetailList, [FaultTargets.Submit, FaultTargets.Result]),
        ["no-payload"] = (FaultKind.NoPayload, [FaultTargets.Requests]),
    };

    public static IReadOnlyList<FaultRule> Parse(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec))
        {
            return [];
        }

        return [.. spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseRule)];
    }

    private static FaultRule ParseRule(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw Bad(text, "expected TARGET:FAULT");
        }

        var target = text[..colon].Trim().ToLowerInvariant();
        if (!FaultTargets.All.Contains(target))
        {
            throw Bad(text, $"unknown target '{target}' (use {string.Join(", ", FaultTargets.All)})");
        }

        var rest = text[(colon + 1)..];
        var when = FaultWhen.Always;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            when = ParseWhen(text, rest[(at + 1)..].Trim());
            rest = rest[..at];
        }

        double? arg = null;
        string? model = null;
        var equals = rest.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0)
        {
            var value = rest[(equals + 1)..].Trim();
            rest = rest[..equals];

            // model-gone=MODEL names the model that is gone (for a fallback chain); every other ARG is a number.
            if (rest.Trim() is "model-gone" or "model-deprecated")
            {
                model = value.Length > 0 ? value : throw Bad(text, "name the model: model-gone=MODEL");
            }
            else
            {
                arg = ParseNumber(text, value);
            }
        }

        var name = rest.Trim();
        if (!Kinds.TryGetValue(name, out var kind))
        {
            throw Bad(text, $"unknown fault '{name}'");
        }

        if (!kind.Targets.Contains(target))
        {
            throw Bad(text, $"fault '{name}' applies to {string.Join(", ", kind.Targets)} only");
        }

        if (kind.Kind == FaultKind.JobError && arg is not (null or 422 or 500))
        {
            throw Bad(text, "job-error takes 422 or 500");
        }

        if (kind.Kind == FaultKind.Expire && arg is not (null or 404 or 410))
        {
            throw Bad(text, "expire takes 404 or 410");
        }

        return new FaultRule(target, kind.Kind, arg, when) { Model = model };
    }

    private static FaultWhen ParseWhen(string rule, string when)
    {
        if (when.StartsWith('p'))
        {
            var p = ParseNumber(rule, when[1..]);
            return p is >= 0 and <= 1 ? FaultWhen.WithProbability(p) : throw Bad(rule, "a probability is between 0 and 1");
        }

        var dash = when.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            var from = ParseCount(rule, when[..dash]);
            var to = ParseCount(rule, when[(dash + 1)..]);
            return to >= from ? FaultWhen.Between(from, to) : throw Bad(rule, "a range N-M needs M >= N");
        }

        return FaultWhen.OnRequests(when.Split(',').Select(n => ParseCount(rule, n)).ToHashSet());
    }

    private static int ParseCount(string rule, string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : throw Bad(rule, $"'{text}' is not a request number (1, 2, ...)");

    private static double ParseNumber(string rule, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0
            ? value
            : throw Bad(rule, $"'{text}' is not a number");

    private static FormatException Bad(string rule, string why) => new($"Fault rule '{rule}': {why}.");
}
