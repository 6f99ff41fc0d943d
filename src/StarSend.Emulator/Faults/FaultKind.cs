namespace StarSend.Emulator.Faults;

internal enum FaultKind
{
    TooManyRequests,
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
    NotGrid,
    QuotaDay,
    ModelGone,

    /// <summary>Leonardo: the generation is accepted, then ends FAILED.</summary>
    JobFailed,

    /// <summary>Leonardo v2: a 400 with the Hasura/GraphQL-style error array.</summary>
    Hasura,
}
