using System.Globalization;

namespace ActorTrader.Data.Catalog;

/// <summary>
/// The catalog's session notation: <c>HH:mm-HH:mm</c> (open and close in the exchange's local time; a close
/// earlier than the open runs past midnight) or <c>24x7</c> for round-the-clock trading.
/// </summary>
public static class SessionHours
{
    public const string AllWeek = "24x7";

    private static readonly string[] Formats = ["HH:mm", "H:mm"];

    /// <summary>The canonical spelling of <paramref name="text"/>, or null when it is not a session.</summary>
    public static string? Normalize(string? text)
    {
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s)) return null;
        if (string.Equals(s, AllWeek, StringComparison.OrdinalIgnoreCase)) return AllWeek;
        var dash = s.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0) return null;
        if (!TimeOnly.TryParseExact(s[..dash].Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var open)
            || !TimeOnly.TryParseExact(s[(dash + 1)..].Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var close)
            || open == close)
        {
            return null;
        }

        return $"{open:HH\\:mm}-{close:HH\\:mm}";
    }
}
