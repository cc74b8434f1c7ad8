using System.Globalization;

namespace ActorTrader.Backtest.Reports;

/// <summary>
/// The one place numbers and dates become text in reports: invariant culture, ISO-8601 UTC dates, round-trip doubles in
/// data files and fixed decimals for display, so that the same input always gives the same bytes.
/// </summary>
internal static class ReportFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>ISO-8601 UTC, seconds always shown, fractions only when present: <c>2024-01-31T21:00:00Z</c>.</summary>
    public static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", Invariant);

    /// <summary>Calendar day in UTC, for axis labels.</summary>
    public static string Day(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", Invariant);

    /// <summary>Shortest text that parses back to the same double ("R"); NaN and infinities spelled out.</summary>
    public static string Number(double value) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        _ => value.ToString("R", Invariant),
    };

    public static string Integer(long value) => value.ToString(Invariant);

    /// <summary>A fraction as a percentage with <paramref name="decimals"/> places: 0.1234 → "12.34%".</summary>
    public static string Percent(double fraction, int decimals = 2) =>
        NonFinite(fraction) ?? Fixed(fraction * 100, decimals) + "%";

    /// <summary>A plain number with <paramref name="decimals"/> places.</summary>
    public static string Fixed(double value, int decimals) =>
        NonFinite(value) ?? NoNegativeZero(value.ToString("F" + decimals.ToString(Invariant), Invariant));

    /// <summary>How a statistic is shown in the HTML and Markdown tables.</summary>
    public static string Display(ReportStatistic statistic) => statistic.Kind switch
    {
        StatisticKind.Percent => Percent(statistic.Value),
        StatisticKind.Ratio => Fixed(statistic.Value, 2),
        StatisticKind.Count => Fixed(statistic.Value, 0),
        _ => throw new ArgumentOutOfRangeException(nameof(statistic), statistic.Kind, "Unknown statistic kind."),
    };

    private static string? NonFinite(double value) => value switch
    {
        double.NaN => "n/a",
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ => null,
    };

    // "-0.00" reads as a loss that is not there; a value that rounds to zero is shown as zero.
    private static string NoNegativeZero(string text) =>
        text.StartsWith('-') && text.AsSpan(1).IndexOfAnyExcept("0.") < 0 ? text[1..] : text;
}
