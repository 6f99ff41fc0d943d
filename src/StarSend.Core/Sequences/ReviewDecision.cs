namespace StarSend.Core.Sequences;

/// <summary>
/// One review decision to apply to a sequence: approve, retake (with the reason in <see cref="Text"/>), hold or note
/// (the note in <see cref="Text"/>) on take <see cref="Take"/>; final, undo_approve, omit or restore on the sequence.
/// </summary>
/// <param name="Action">What is decided.</param>
/// <param name="Take">The take's number; required for approve, retake, hold and note.</param>
/// <param name="Text">The retake reason or the note; required for retake and note, ignored otherwise.</param>
/// <param name="Force">For undo_approve: also take back a final approval.</param>
public sealed record ReviewDecision(ReviewAction Action, int? Take = null, string? Text = null, bool Force = false);
