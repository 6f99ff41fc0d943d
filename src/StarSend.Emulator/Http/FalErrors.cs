using System.Text.Json.Nodes;

namespace StarSend.Emulator.Http;

/// <summary>fal.ai's two error bodies: the flat request error and the 422 <c>detail</c> list.</summary>
internal static class FalErrors
{
    public const string ErrorTypeHeader = "X-Fal-Error-Type";

    public static Reply Flat(int status, string detail, string? errorType = null)
    {
        var body = new JsonObject { ["detail"] = detail };
        if (errorType is null)
        {
            return Reply.Json(status, body);
        }

        body["error_type"] = errorType;
        return Reply.Json(status, body).WithHeader(ErrorTypeHeader, errorType);
    }

    public static Reply Validation(IEnumerable<FieldError> errors) =>
        Reply.Json(422, new JsonObject { ["detail"] = new JsonArray([.. errors.Select(e => (JsonNode)e.ToJson())]) });

    public static Reply Unauthorized() =>
        Flat(401, "Unauthorized: send the header 'Authorization: Key <FAL_KEY>'");

    /// <summary>
    /// A locked account (exhausted balance): 403 on every billable call and on storage upload initiate, while status
    /// GETs still answer (field-log #8; fal-ai/fal#1147, #1163).
    /// </summary>
    public static Reply Locked() =>
        Flat(403, "User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.");

    public static Reply NotFound(string detail = "Not Found", int status = 404) => Flat(status, detail);
}
