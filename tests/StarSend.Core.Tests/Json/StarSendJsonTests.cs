using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using StarSend.Core.Executions;
using StarSend.Core.Json;
using StarSend.Core.Plans;
using StarSend.Core.Sequences;
using StarSend.Core.Settings;

namespace StarSend.Core.Tests.Json;

/// <summary>
/// The plan, settings and state documents are read through source-generated metadata (#12). The generator gives an
/// init-only property missing from the file <c>default</c> instead of its initializer (dotnet/runtime#84484); these
/// tests read every type of those documents from its smallest valid JSON both ways, generated and by reflection (what
/// the types were written for), and require the same values.
/// </summary>
public sealed class StarSendJsonTests
{
    private static readonly Type[] Documents = [typeof(ClientPlan), typeof(ProjectSettings), typeof(SequencesDocument), typeof(ExecutionsDocument)];

    private static readonly JsonSerializerOptions Reflection = new(StarSendJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public static TheoryData<string> DocumentTypes() => [.. ObjectTypes().Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(DocumentTypes))]
    public void SmallestDocument_ReadsTheSameAsByReflection(string typeName)
    {
        var type = ObjectTypes().Single(t => t.FullName == typeName);
        var json = Smallest(type).ToJsonString();

        var generated = JsonSerializer.Deserialize(json, type, StarSendJson.Options);
        var reflected = JsonSerializer.Deserialize(json, type, Reflection);

        JsonSerializer.Serialize(generated, type, Reflection).Should().Be(
            JsonSerializer.Serialize(reflected, type, Reflection),
            $"a {type.Name} read from {json} keeps the defaults its declaration gives");
    }

    [Fact]
    public void DocumentTypes_AreReadThroughGeneratedMetadata()
    {
        // Reflection metadata would compile accessors at run time in every process (the cost #12 removes).
        foreach (var document in Documents)
        {
            StarSendJson.Options.GetTypeInfo(document).OriginatingResolver
                .Should().BeAssignableTo<System.Text.Json.Serialization.JsonSerializerContext>($"{document.Name} is in the generated context");
        }
    }

    [Fact]
    public void MissingDefaults_KeepTheirValues()
    {
        var settings = JsonSerializer.Deserialize<ProjectSettings>("{}", StarSendJson.Options)!;
        settings.Concurrency.Should().Be(SettingsDefaults.Concurrency);
        settings.GridRetries.Should().Be(SettingsDefaults.GridRetries);
        settings.VideoModel.Should().Be(SettingsDefaults.VideoModel);
        settings.RetiredVideoModels.Should().BeEmpty();

        JsonSerializer.Deserialize<ProjectSettings>("""{"grid_retries": 0}""", StarSendJson.Options)!.GridRetries.Should().Be(0, "0 retries is a setting, not a missing value");
        JsonSerializer.Deserialize<SequencesDocument>("{}", StarSendJson.Options)!.SchemaVersion.Should().Be(SequencesDocument.CurrentSchemaVersion);
        JsonSerializer.Deserialize<ExecutionsDocument>("""{"schema_version": 1}""", StarSendJson.Options)!.Executions.Should().BeEmpty();
    }

    [Fact]
    public void ExplicitNull_ForAListWithADefault_IsStillRefused()
    {
        var read = () => JsonSerializer.Deserialize<SequencesDocument>("""{"sequences": {"SEQ01": {"id": "SEQ01", "takes": null}}}""", StarSendJson.Options);

        read.Should().Throw<JsonException>().Which.Path.Should().Contain("takes");
    }

    /// <summary>Every object type the four documents contain, found through the options' own metadata.</summary>
    private static IEnumerable<Type> ObjectTypes()
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(Documents);
        while (queue.TryDequeue(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            var info = StarSendJson.Options.GetTypeInfo(type);
            foreach (var next in info.Properties.Select(p => p.PropertyType).Append(info.ElementType).Append(info.KeyType).OfType<Type>())
            {
                queue.Enqueue(Nullable.GetUnderlyingType(next) ?? next);
            }
        }

        return seen.Where(t => StarSendJson.Options.GetTypeInfo(t).Kind == JsonTypeInfoKind.Object).OrderBy(t => t.FullName, StringComparer.Ordinal);
    }

    /// <summary>The smallest JSON a type accepts: its required properties only, each with a plain value of its type.</summary>
    private static JsonNode Smallest(Type type)
    {
        var info = StarSendJson.Options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Enumerable:
                return new JsonArray();
            case JsonTypeInfoKind.Dictionary:
                return new JsonObject();
            case JsonTypeInfoKind.Object:
                var node = new JsonObject();
                foreach (var property in info.Properties.Where(p => p.IsRequired))
                {
                    node[property.Name] = Smallest(property.PropertyType);
                }

                return node;
            default:
                return Plain(Nullable.GetUnderlyingType(type) ?? type);
        }
    }

    private static JsonNode Plain(Type type) => type switch
    {
        _ when type == typeof(string) => JsonValue.Create("x"),
        _ when type == typeof(bool) => JsonValue.Create(true),
        _ when type == typeof(DateTimeOffset) => JsonValue.Create("2026-11-29T12:00:00+00:00"),
        _ when type == typeof(DateOnly) => JsonValue.Create("2026-11-29"),
        _ when type == typeof(JsonElement) => JsonValue.Create("x"),
        _ when type.IsEnum => JsonNode.Parse(JsonSerializer.Serialize(Enum.GetValues(type).GetValue(0), type, StarSendJson.Options))!,
        _ => JsonValue.Create(1),
    };
}
