namespace StarSend.Emulator.Faults;

internal enum FaultKind
{
    TooManyRequests,

    /// <summary>A structured answer that does not match its schema (no motion elements): JSON that passes the model's own check, not ours.</summary>
    SchemaInvalid,

    /// <summary>Gemini: a candidate stopped for safety (<c>finishReason: SAFETY</c>, no content), as a refused text or vision answer comes.</summary>
    SafetyFinish,
    ServerError,
    BadGateway,
    Unavailable,
    GatewayTimeout,
    UserTimeout,
    Unprocessable,
    ContentPolicy,
    Malformed,
    Stall,
    Truncate,
    LostResponse,
    Hang,
    JobError,
    Expire,
    NoImage,
    ImageSafety,
    Blocked,
    TextOnly,
    ThoughtThenFinal,
    AllThought,
    DuplicateImage,
    ImageOther,
    ImageProhibited,
    QuotaFreeTier,
    NotGrid,

    /// <summary>A grid asked for as 2x2 comes back as nine panels (3x3), gutters and all.</summary>
    Grid3x3,
    QuotaDay,
    ModelGone,

    /// <summary>fal submit: 410 with a deprecation <c>detail</c> for the named model (the shape is unconfirmed [U]; see ModelGoneText).</summary>
    ModelDeprecated,
    JpegImage,
    JpegLabelledPng,
    WebpImage,
    AspectDropped,

    /// <summary>403 "User is locked. Reason: Exhausted balance" (field-log #8): submit, upload initiate, result.</summary>
    Locked,

    /// <summary>A status value fal does not document (<c>FAILED</c>, seen through relays); the job goes on (field-log #7).</summary>
    UndocumentedStatus,

    /// <summary>A 200 <c>text/html</c> error page where the video should be (field-log #13).</summary>
    Html,

    /// <summary>The whole MP4 length, but its <c>moov</c> box blanked out: "moov atom not found" (field-log #13).</summary>
    NoMoov,

    /// <summary>A 200 whose honest Content-Length is shorter than the file (and the result's <c>file_size</c>).</summary>
    Short,

    /// <summary>A 422 whose <c>detail</c> lists several typed items (missing, literal_error, a root rule) (field-log #9).</summary>
    DetailList,

    /// <summary>The request listing answers without <c>json_input</c> (payload storage off).</summary>
    NoPayload,

    /// <summary>Leonardo: the generation is accepted, then ends FAILED.</summary>
    JobFailed,

    /// <summary>Leonardo v2: a 400 with the Hasura/GraphQL-style error array.</summary>
    Hasura,
}
