using System.Globalization;
using StarSend.Core.Sequences;

namespace StarSend.Review.Pages;

/// <summary>How numbers, times and states are written on the pages (invariant culture, like the CLI).</summary>
internal static class PageText
{
    public static string Number(double value, int decimals = 2) => Math.Round(value, decimals).ToString(CultureInfo.InvariantCulture);

    public static string Percent(double part, double whole) => whole <= 0 ? "0" : Number(100 * part / whole, 4);

    public static string Money(decimal usd) => "$" + usd.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Seconds(double s) => Number(s, 1) + " s";

    /// <summary>m:ss.</summary>
    public static string Clock(double s) => $"{(int)s / 60}:{(int)s % 60:00}";

    public static string Range(double start, double end) => $"{Clock(start)}–{Clock(end)}";

    public static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string State(SequenceState state) => SequenceWorkflow.StateName(state);

    public static string Status(TakeReviewStatus status) => System.Text.Json.JsonSerializer.Serialize(status).Trim('"');

    public static string Action(ReviewAction action) => System.Text.Json.JsonSerializer.Serialize(action).Trim('"');
}
