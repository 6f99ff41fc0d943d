namespace StarSend.Core.Providers;

/// <summary>
/// A text or vision model answering with JSON against a JSON Schema (Gemini <c>generateContent</c> with
/// <c>generationConfig.responseJsonSchema</c> and <c>responseMimeType: application/json</c>, providers-2.md §3.2–§3.4).
/// </summary>
public interface IStructuredModel
{
    /// <summary>
    /// One paid call, never retried on its answer here: the JSON comes back as text, unvalidated (the schema is not a
    /// guarantee; the caller validates it). A refusal is a <c>ProviderException</c> of kind ContentPolicy; a truncated
    /// answer (<c>MAX_TOKENS</c>) or one without text is kind BadOutput; a model no longer served is ModelNotFound.
    /// </summary>
    Task<StructuredAnswer> AskAsync(StructuredQuestion question, CancellationToken cancellationToken);
}
