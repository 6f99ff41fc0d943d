namespace StarSend.Core.Errors;

/// <summary>
/// One item of a provider's validation answer, e.g. fal's 422 <c>{"detail":[{"loc":["body","multi_prompt",1,"duration"],
/// "msg":"…","type":"literal_error"}]}</c> (providers.md §1.7): where in the request body (<paramref name="Loc"/>, strings
/// and list indexes), the provider's message (not to be parsed), and its stable type.
/// </summary>
public sealed record ProviderFieldError(IReadOnlyList<string> Loc, string Message, string? Type)
{
    /// <summary>The location as fal writes it in prose, e.g. <c>body.multi_prompt.1.duration</c>.</summary>
    public string Where => string.Join('.', Loc);
}
