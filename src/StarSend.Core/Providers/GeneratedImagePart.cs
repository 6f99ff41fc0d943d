namespace StarSend.Core.Providers;

/// <summary>
/// One image part of a paid image answer.
/// </summary>
/// <param name="Data">The bytes as they came (base64-decoded).</param>
/// <param name="MimeType">What the bytes are by their magic numbers (<c>image/png</c>, <c>image/jpeg</c>, <c>image/webp</c>), else the label.</param>
/// <param name="LabelledMimeType">What the answer said (<c>mimeType</c>/<c>mime_type</c>); Gemini 3 models label JPEG bytes <c>image/png</c> (field-log #2).</param>
/// <param name="Thought">Flagged <c>thought: true</c> (an interim "thinking" image, field-log #4).</param>
/// <param name="Chosen">The one <see cref="GeneratedImage.Data"/> holds.</param>
public sealed record GeneratedImagePart(byte[] Data, string MimeType, string? LabelledMimeType, bool Thought, bool Chosen);
