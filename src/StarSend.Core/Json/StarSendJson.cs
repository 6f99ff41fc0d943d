using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace StarSend.Core.Json;

/// <summary>The one set of JSON options for plans, settings and state files: snake_case keys, indented, comments allowed on read.</summary>
public static class StarSendJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// Builds the JSON metadata of the plan, settings and state documents, with every type they contain, ahead of
    /// their first read. A short read-only command (<c>status</c>) calls it on a second thread at start-up so that this
    /// one-time work (about a third of such a run, #12) overlaps the command line's set-up instead of following it.
    /// Reads no file and changes nothing; calling it again, or concurrently with a read, is harmless.
    /// </summary>
    public static void WarmUp()
    {
        var seen = new HashSet<Type>();
        foreach (var document in new[] { typeof(Plans.ClientPlan), typeof(Settings.ProjectSettings), typeof(Sequences.SequencesDocument), typeof(Executions.ExecutionsDocument) })
        {
            WarmUp(document, seen);
        }

        using var sample = JsonDocument.Parse("{\"a\":[1,\"b\",true,null]}", new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
    }

    private static void WarmUp(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            return;
        }

        var info = Options.GetTypeInfo(type);
        foreach (var property in info.Properties)
        {
            WarmUp(property.PropertyType, seen);
        }

        if (info.ElementType is { } element)
        {
            WarmUp(element, seen);
        }

        if (info.KeyType is { } key)
        {
            WarmUp(key, seen);
        }
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            WriteIndented = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,

            // Generated metadata for the plan, settings and state documents (#12), reflection for the rest.
            TypeInfoResolver = JsonTypeInfoResolver.Combine(StarSendJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
