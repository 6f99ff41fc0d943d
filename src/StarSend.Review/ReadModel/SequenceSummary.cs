using StarSend.Core.Plans;
using StarSend.Core.Sequences;

namespace StarSend.Review.ReadModel;

/// <summary>One sequence as the review pages see it: the plan's slot, the state's record, and what it adds up to.</summary>
/// <param name="Plan">The sequence in the plan (slot, shots, elements).</param>
/// <param name="Record">Its record in sequences.json (a fresh not_started one when it has none yet).</param>
/// <param name="ApprovedSeconds">Seconds of the slot covered by the approved (or final) take; 0 when none or omitted.</param>
/// <param name="ToFinishUsd">Estimated US dollars still to spend before it can be approved; 0 when approved or omitted.</param>
public sealed record SequenceSummary(PlanSequence Plan, SequenceRecord Record, double ApprovedSeconds, decimal ToFinishUsd)
{
    public string Id => Plan.Id;

    /// <summary>Length of the sequence's slot in the song, seconds.</summary>
    public double Seconds => Plan.EndS - Plan.StartS;

    public bool Omitted => Record.Omitted;

    public bool IsApproved => Record.State is SequenceState.Approved or SequenceState.Final && Record.ApprovedTake is not null;

    public Take? ApprovedTake => IsApproved ? Record.Takes.FirstOrDefault(t => t.Number == Record.ApprovedTake) : null;
}
