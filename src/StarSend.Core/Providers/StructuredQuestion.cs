namespace StarSend.Core.Providers;

/// <summary>One structured call: the model id, an instruction, the user's text, images and the JSON Schema of the answer.</summary>
public sealed record StructuredQuestion
{
    public required string Model { get; init; }

    public required string Instruction { get; init; }

    public required string Text { get; init; }

    public IReadOnlyList<ReferenceImage> Images { get; init; } = [];

    /// <summary>The JSON Schema text sent as <c>responseJsonSchema</c> (keywords as in providers-2.md §3.2).</summary>
    public required string JsonSchema { get; init; }
}
