using StarSend.Core.Providers;

namespace StarSend.Infrastructure.Gemini;

/// <summary>
/// The images of one 200 generateContent answer, in answer order, with the chosen one flagged
/// (<see cref="GeneratedImagePart.Chosen"/>), any text the model said, and the image output tokens when reported.
/// </summary>
internal sealed record GeminiImages(IReadOnlyList<GeneratedImagePart> Parts, string? Text, long? ImageTokens)
{
    public GeneratedImagePart Chosen => Parts.Single(p => p.Chosen);
}
