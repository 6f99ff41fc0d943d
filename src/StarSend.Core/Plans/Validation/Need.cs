namespace StarSend.Core.Plans.Validation;

/// <summary>Whether a JSON field must be there, may be left out, or may also be null.</summary>
internal enum Need
{
    Required,
    Optional,
    Nullable,
}
