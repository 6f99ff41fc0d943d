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
}
