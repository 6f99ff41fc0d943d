using System.Text.Json;
using StarSend.Core.Json;

namespace StarSend.Cli.Output;

internal static class JsonOutput
{
    public static Task WriteAsync<T>(TextWriter writer, T value) => writer.WriteLineAsync(JsonSerializer.Serialize(value, StarSendJson.Options));
}
