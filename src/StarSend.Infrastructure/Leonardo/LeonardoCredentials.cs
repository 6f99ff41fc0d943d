using StarSend.Core.Errors;

namespace StarSend.Infrastructure.Leonardo;

/// <summary>The Leonardo API key from <c>LEONARDO_API_KEY</c>.</summary>
public static class LeonardoCredentials
{
    public const string Variable = "LEONARDO_API_KEY";

    /// <summary>The key; when it is missing, an error naming the variable, or an empty key when not <paramref name="required"/>.</summary>
    public static string FromEnvironment(IReadOnlyDictionary<string, string?> environment, bool required = true)
    {
        if (environment.TryGetValue(Variable, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        return required ? throw Missing() : string.Empty;
    }

    /// <summary>The one line a producer reads when a Leonardo model is used without a key.</summary>
    public static ProviderException Missing() =>
        new($"no Leonardo key found: set {Variable} to your Leonardo.Ai API key to use leonardo:* video models", ProviderErrorKind.Unauthorized);
}
