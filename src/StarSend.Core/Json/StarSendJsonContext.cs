using System.Text.Json.Serialization;
using StarSend.Core.Executions;
using StarSend.Core.Plans;
using StarSend.Core.Sequences;
using StarSend.Core.Settings;

namespace StarSend.Core.Json;

/// <summary>
/// Source-generated JSON metadata for the documents every command reads: the plan, the settings and the two state
/// files, with every type they contain. <see cref="StarSendJson.Options"/> asks it first and falls back to reflection
/// for anything else (a command's <c>--json</c> output, provider payloads). Reading these documents through reflection
/// built their metadata at run time in every process (about 800 methods compiled on the spot and half of
/// <c>starsend status</c>'s time, #12); generated metadata is compiled ahead with the tool (its composite ReadyToRun
/// image, see the CLI project).
/// </summary>
/// <remarks>
/// The generator sets every init-only property in one object initializer, so a property missing from the file gets
/// <c>default</c> instead of its initializer (dotnet/runtime#84484, open). The documents' types keep their defaults
/// anyway: a reference-typed property with a default is declared <c>init => field = value ?? field;</c> (null keeps the
/// initializer's value, and <c>RespectNullableAnnotations</c> still refuses an explicit <c>null</c> in the file), a
/// schema version treats 0 the same way, and the settings' whole numbers are constructor parameters with defaults. A
/// test reads every type here from a document without its optional properties both ways and compares the results.
/// Metadata only: no fast-path serializer is generated, so the options' naming policy and encoder apply as before.
/// </remarks>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ClientPlan))]
[JsonSerializable(typeof(ProjectSettings))]
[JsonSerializable(typeof(SequencesDocument))]
[JsonSerializable(typeof(ExecutionsDocument))]
internal sealed partial class StarSendJsonContext : JsonSerializerContext;
