using System.Text.Json.Nodes;
using StarSend.Emulator.Http;

namespace StarSend.Emulator.Kling;

/// <summary>
/// Kling elements: each a frontal image plus 1–3 reference images (or a video); at most 4, and at most 3 alongside a
/// start frame (the design's rule, which fal's schema text does not spell out).
/// </summary>
internal static class KlingElements
{
    public const int Max = 4;

    public const int MaxWithStartFrame = 3;

    public static void Check(JsonNode? node, bool hasStartFrame, List<FieldError> errors)
    {
        var max = hasStartFrame ? MaxWithStartFrame : Max;
        if (KlingRules.List(node, ["body", "elements"], 0, max, errors) is not { } elements)
        {
            return;
        }

        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i] is not JsonObject element)
            {
                errors.Add(new FieldError(["body", "elements", i], "Input should be a valid dictionary", "dict_type"));
                continue;
            }

            if (JsonRead.IsPresent(element, "video_url"))
            {
                KlingRules.Url(element["video_url"], ["body", "elements", i, "video_url"], errors, required: true);
                continue;
            }

            KlingRules.Url(element["frontal_image_url"], ["body", "elements", i, "frontal_image_url"], errors, required: true);
            if (KlingRules.List(element["reference_image_urls"], ["body", "elements", i, "reference_image_urls"], 1, 3, errors) is { } references)
            {
                for (var j = 0; j < references.Count; j++)
                {
                    KlingRules.Url(references[j], ["body", "elements", i, "reference_image_urls", j], errors, required: true);
                }
            }
        }
    }
}
