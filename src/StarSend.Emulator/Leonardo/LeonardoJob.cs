using StarSend.Emulator.Storage;

namespace StarSend.Emulator.Leonardo;

/// <summary>One accepted generation; PENDING until <see cref="DoneAt"/>, then COMPLETE (or FAILED when it was made to fail).</summary>
internal sealed record LeonardoJob(string Id, string Model, string Prompt, int DurationS, DateTimeOffset CreatedAt, DateTimeOffset DoneAt, bool Fails, StoredFile Video)
{
    public string StatusAt(DateTimeOffset now) => now < DoneAt ? "PENDING" : Fails ? "FAILED" : "COMPLETE";
}
