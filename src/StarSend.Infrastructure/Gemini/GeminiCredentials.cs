using StarSend.Core.Errors;

namespace StarSend.Infrastructure.Gemini;

/// <summary>The Gemini key from <c>GEMINI_API_KEY</c>.</summary>
public static class GeminiCredentials
{
    public static string FromEnvironment(IReadOnlyDictionary<string, string?> environment) =>
        environment.TryGetValue("GEMINI_API_KEY", out var key) && !string.IsNullOrWhiteSpace(key)
            ? key.Trim()
            : throw new ProviderException("no Gemini key found: set GEMINI_API_KEY to your Gemini API key", ProviderErrorKind.Unauthorized);
}
