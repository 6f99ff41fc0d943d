namespace StarSend.Emulator.Queue;

/// <summary>
/// fal's URL rule: submit on the full model id, status/result/cancel on owner/alias only (with the
/// <c>workflows/</c> or <c>comfy/</c> namespace kept in front).
/// </summary>
internal static class QueueUrls
{
    private static readonly string[] Namespaces = ["workflows", "comfy"];

    /// <summary>owner/alias (or namespace/owner/alias) of a model id; null when the id is too short to have one.</summary>
    public static string? AppPath(string modelId)
    {
        var parts = modelId.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 3 && Namespaces.Contains(parts[0]))
        {
            return $"{parts[0]}/{parts[1]}/{parts[2]}";
        }

        return parts.Length >= 2 && !Namespaces.Contains(parts[0]) ? $"{parts[0]}/{parts[1]}" : null;
    }

    public static string Response(string baseUrl, string appPath, string requestId) => $"{baseUrl}/{appPath}/requests/{requestId}";

    public static string Status(string baseUrl, string appPath, string requestId) => Response(baseUrl, appPath, requestId) + "/status";

    public static string Cancel(string baseUrl, string appPath, string requestId) => Response(baseUrl, appPath, requestId) + "/cancel";
}
