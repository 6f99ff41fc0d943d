using StarSend.Emulator.Storage;

namespace StarSend.Emulator.Leonardo;

/// <summary>An init image: issued by <c>POST /init-image</c>, filled by the presigned POST before <see cref="ExpiresAt"/>.</summary>
internal sealed record InitImage(string Id, string Extension, string Key, DateTimeOffset ExpiresAt, StoredFile File);
