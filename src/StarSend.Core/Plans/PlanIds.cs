namespace StarSend.Core.Plans;

/// <summary>
/// Ids of sequences, shots and elements end up in file names, so they are limited to
/// <c>[A-Za-z0-9_-]{1,64}</c>: no separator, dot or drive letter can ever reach a path.
/// </summary>
public static class PlanIds
{
    public const int MaxLength = 64;

    public const string Rule = "1–64 letters, digits, '_' or '-'";

    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= MaxLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
