using System.Text.RegularExpressions;
using StarSend.Emulator.Control;
using StarSend.Emulator.Drawing;
using StarSend.Emulator.Faults;
using StarSend.Emulator.Http;

namespace StarSend.Emulator.Gemini;

/// <summary>
/// <c>POST /v1beta/models/{model}:generateContent</c>: a PNG drawn from the prompt (a 2x2 grid when the prompt asks
/// for one, else one picture), or the failure a fault asks for.
/// </summary>
internal sealed partial class GeminiEndpoint(RequestCounter counter)
{
    public Reply Generate(EmulatorRequest request, string model, FaultRule? fault)
    {
        if (GeminiModels.Retired.TryGetValue(model, out var why))
        {
            return GoogleErrors.ModelNotFound(model, why);
        }

        if (!GeminiModels.Known.Contains(model))
        {
            return GoogleErrors.ModelNotFound(model);
        }

        var (parsed, error) = GeminiRequest.Parse(request.JsonBody());
        if (parsed is null)
        {
            return GoogleErrors.InvalidArgument(error!);
        }

        switch (fault?.Kind)
        {
            case FaultKind.Blocked:
                return GeminiReplies.Blocked(model, parsed, "SAFETY");
            case FaultKind.ContentPolicy:
                return GeminiReplies.Blocked(model, parsed, "PROHIBITED_CONTENT");
            case FaultKind.NoImage:
                return GeminiReplies.Candidate(model, parsed, null, null, "NO_IMAGE");
            case FaultKind.ImageSafety:
                return GeminiReplies.Candidate(model, parsed, null, null, "IMAGE_SAFETY");
            case FaultKind.ImageProhibited:
                return GeminiReplies.Candidate(model, parsed, null, null, "IMAGE_PROHIBITED_CONTENT");
            case FaultKind.ImageOther:
                return GeminiReplies.Candidate(model, parsed, null, null, "IMAGE_OTHER");
            case FaultKind.SafetyFinish:
                // A candidate stopped for safety: no content, finishReason SAFETY with its ratings (providers.md §3.5).
                return GeminiReplies.SafetyStop(model, parsed);
            case FaultKind.TextOnly:
                return GeminiReplies.Candidate(model, parsed, "Here is an image of your scene, a 2x2 grid of four keyframes as requested.", null, "STOP");
        }

        if (parsed.WantsJson)
        {
            // A structured call (start-frame analysis, providers-2.md §3.3): the JSON as a string in a text part.
            // With an image it is a start-frame analysis; text only, a feedback rewrite of shot prompts.
            var invalid = fault?.Kind == FaultKind.SchemaInvalid;
            var json = parsed.FirstImage is { } frame
                ? GeminiAnalysis.Answer(frame, invalid)
                : GeminiRewrite.Answer(parsed.Prompt, invalid) ?? """{"note":"nothing to rewrite"}""";
            counter.StructuredAnswered();
            return GeminiReplies.Candidate(model, parsed, json, null, "STOP");
        }

        if (!parsed.WantsImage)
        {
            return GeminiReplies.Candidate(model, parsed, "A short description of the requested scene.", null, "STOP");
        }

        var grid = AsksForGrid(parsed.Prompt) && fault?.Kind != FaultKind.NotGrid;
        // aspect-dropped: a proxy or SDK lost imageConfig.aspectRatio, and a square comes back without an error (field-log #5).
        ImageSizes.TryGet(fault?.Kind == FaultKind.AspectDropped ? "1:1" : parsed.AspectRatio, parsed.ImageSize, out var width, out var height);
        var seed = SeededRandom.SeedFrom(parsed.Prompt);
        var panels = fault?.Kind == FaultKind.Grid3x3 ? 3 : 2;
        var image = grid ? KeyframeArt.Grid(seed, width, height, panels, panels) : KeyframeArt.Single(seed, width, height);
        var (bytes, mimeType) = GeminiImageBytes.Encode(image, fault?.Kind);
        counter.ImageGenerated();
        if (fault?.Kind is FaultKind.ThoughtThenFinal or FaultKind.AllThought or FaultKind.DuplicateImage)
        {
            var draft = fault.Kind == FaultKind.DuplicateImage ? bytes : StarSend.Imaging.ImageCodec.EncodePng(KeyframeArt.Single(seed ^ 0x5EED, width, height));
            return GeminiFieldReplies.SeveralImages(model, fault.Kind, draft, bytes);
        }

        var text = parsed.WantsText ? (grid ? "Here is a 2x2 grid of four keyframes." : "Here is the image.") : null;
        return GeminiReplies.Candidate(model, parsed, text, bytes, "STOP", mimeType);
    }

    /// <summary>Whether the prompt asks for a 2x2 grid ("grid", "2x2", "2×2").</summary>
    public static bool AsksForGrid(string prompt) => GridWords().IsMatch(prompt);

    [GeneratedRegex(@"grid|2\s*[x×]\s*2", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GridWords();
}
