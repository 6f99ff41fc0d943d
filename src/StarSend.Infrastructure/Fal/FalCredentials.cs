using StarSend.Core.Errors;

namespace StarSend.Infrastructure.Fal;

/// <summary>The fal key from <c>FAL_KEY</c>, or <c>FAL_KEY_ID</c> and <c>FAL_KEY_SECRET</c> joined with ':'.</summary>
public static class FalCredentials
{
    /// <summary>The key; when it is missing, an error naming the variables, or an empty key if it is not <paramref name="required"/> (dry runs).</summary>
    public static string FromEnvironment(IReadOnlyDictionary<string, string?> environment, bool required = true)
    {
        var key = Get(environment, "FAL_KEY");
        if (key is not null)
        {
            return key;
        }

        var id = Get(environment, "FAL_KEY_ID");
        var secret = Get(environment, "FAL_KEY_SECRET");
        return (id, secret) switch
        {
            ({ } i, { } s) => $"{i}:{s}",
            _ when !required => string.Empty,
            (not null, null) => throw Missing("FAL_KEY_ID is set but FAL_KEY_SECRET is not"),
            (null, not null) => throw Missing("FAL_KEY_SECRET is set but FAL_KEY_ID is not"),
            _ => throw Missing("no fal.ai key found"),
        };
    }

    private static string? Get(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static ProviderException Missing(string what) =>
        new($"{what}: set FAL_KEY (or FAL_KEY_ID and FAL_KEY_SECRET) to your fal.ai key", ProviderErrorKind.Unauthorized);
}
