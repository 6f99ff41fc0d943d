using StarSend.Core.Errors;

namespace StarSend.Infrastructure.Gemini;

/// <summary>The Gemini key from <c>GEMINI_API_KEY</c>.</summary>
public static class GeminiCredentials
{
    /// <summary>The key; when it is missing, an error naming the variable, or an empty key if it is not <paramref name="required"/>.</summary>
    public static string FromEnvironment(IReadOnlyDictionary<string, string?> environment, bool required = true) =>
        environment.TryGetValue("GEMINI_API_KEY", out var key) && !string.IsNullOrWhiteSpace(key)
            ? key.Trim()
            : !required
            ? string.Empty
            : throw new ProviderException("no Gemini key found: set GEMINI_API_KEY to your Gemini API key", ProviderErrorKind.Unauthorized);
}
