namespace StarSend.Infrastructure.Leonardo;

/// <summary>Which Leonardo call answered, for error messages and for what a 404 means.</summary>
internal enum LeonardoCall
{
    InitImage,
    Upload,
    Create,
    Status,
    Delete,
}
