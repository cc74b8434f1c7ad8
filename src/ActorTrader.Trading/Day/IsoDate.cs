using System.Globalization;

namespace ActorTrader.Trading.Day;

/// <summary>
/// Dates as they appear in the trading day's messages and logs: ISO 8601 (<c>yyyy-MM-dd</c>) on the Gregorian calendar,
/// whatever the process culture (a Thai or Saudi culture would otherwise print another year).
/// </summary>
internal static class IsoDate
{
    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Text(DateOnly? date) => date is { } d ? Text(d) : "(no date)";
}
