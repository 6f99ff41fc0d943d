namespace StarSend.Review.ReadModel;

/// <summary>
/// A section of the song (every sequence with that section name) or the whole project: planned seconds and approved
/// seconds of the sequences not omitted, spend so far (omitted ones included: money spent stays spent), and the
/// estimated cost to finish.
/// </summary>
public sealed record SectionSummary(string Name, double Seconds, double ApprovedSeconds, decimal SpentUsd, decimal ToFinishUsd, int Sequences, int Approved, int Omitted)
{
    /// <summary>Approved seconds against planned seconds, 0–100; 0 when nothing is planned.</summary>
    public double CoveragePercent => Seconds <= 0 ? 0 : Math.Round(100 * ApprovedSeconds / Seconds, 1);
}
