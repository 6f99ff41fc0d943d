using System.Text.Json.Nodes;
using StarSend.Emulator.Http;

namespace StarSend.Emulator.Leonardo;

/// <summary>
/// Leonardo's error bodies: <c>{"error", "path", "code"}</c> ([P] docs "API Error Messages") and, for v2 validation, the
/// Hasura/GraphQL-style array <c>[{"message", "extensions": {"path", "code"}}]</c> ([S] providers-2.md §2.5); the S3
/// storage's XML errors for the presigned POST.
/// </summary>
internal static class LeonardoErrors
{
    public static Reply Error(int status, string error, string code = "unexpected") =>
        Reply.Json(status, new JsonObject { ["error"] = error, ["path"] = "$", ["code"] = code });

    public static Reply Hasura(int status, string message, string path, string code = "validation-failed") =>
        Reply.Json(status, new JsonArray(new JsonObject { ["message"] = message, ["extensions"] = new JsonObject { ["path"] = path, ["code"] = code } }));

    /// <summary>The documented answer to a missing or wrong key.</summary>
    public static Reply Unauthorized() => Error(401, "Authentication hook unauthorized this request", "access-denied");

    /// <summary>S3's XML error body (a presigned upload refused); the code and message are escaped by the XML writer.</summary>
    public static Reply S3(int status, string code, string message)
    {
        var error = new System.Xml.Linq.XElement("Error", new System.Xml.Linq.XElement("Code", code), new System.Xml.Linq.XElement("Message", message));
        return Reply.Text(status, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{error.ToString(System.Xml.Linq.SaveOptions.DisableFormatting)}", "application/xml");
    }
}
