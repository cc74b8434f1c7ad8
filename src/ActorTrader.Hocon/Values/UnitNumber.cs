using System.Globalization;

namespace ActorTrader.Hocon.Values;

/// <summary>Splits the HOCON "units format": a number, optional whitespace, an optional unit string.</summary>
internal static class UnitNumber
{
    public static bool TrySplit(string text, out decimal number, out string unit)
    {
        var trimmed = text.Trim();
        var end = 0;
        while (end < trimmed.Length && (char.IsAsciiDigit(trimmed[end]) || trimmed[end] is '.' or '-' or '+'
                   || (trimmed[end] is 'e' or 'E' && end > 0 && end + 1 < trimmed.Length && (char.IsAsciiDigit(trimmed[end + 1]) || trimmed[end + 1] is '+' or '-'))))
        {
            end++;
        }

        unit = trimmed[end..].Trim();
        return decimal.TryParse(trimmed[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }
}
