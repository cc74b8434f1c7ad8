using System.Globalization;

namespace ActorTrader.Data.Providers.Alpaca;

/// <summary>
/// RFC 3339 timestamps as Alpaca writes them: up to 9 fractional digits and a <c>Z</c> or <c>±hh:mm</c> offset.
/// .NET's parsers stop at 7 digits (100 ns ticks), so this reads the text itself and truncates digits 8 and 9.
/// </summary>
public static class AlpacaTimestamp
{
    /// <summary>Parses <paramref name="text"/> to a UTC instant, or returns false when it is not RFC 3339.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset utc)
    {
        utc = default;
        // yyyy-MM-ddTHH:mm:ss is 19 characters; an offset follows (Z is one more).
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || text[10] is not ('T' or 't') || text[13] != ':' || text[16] != ':')
            return false;
        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second))
            return false;

        var position = 19;
        long fractionTicks = 0;
        if (text[position] == '.')
        {
            position++;
            var digits = 0;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                // Ticks are 100 ns: the 8th and 9th digits (and any beyond) are below the resolution and dropped.
                if (digits < 7) fractionTicks = fractionTicks * 10 + (text[position] - '0');
                digits++;
                position++;
            }
            if (digits == 0) return false;
            for (var pad = digits; pad < 7; pad++) fractionTicks *= 10;
        }

        if (!TryOffset(text[position..], out var offset)) return false;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) || hour > 23 || minute > 59 || second > 59 || year < 1)
            return false;
        try
        {
            var local = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(fractionTicks);
            utc = local.ToUniversalTime();
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            // An instant outside DateTimeOffset's range (year 1 with a positive offset, year 9999 with a negative one).
            return false;
        }
    }

    /// <summary>Writes <paramref name="instant"/> as RFC 3339 UTC with only the fractional digits it needs.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static bool TryOffset(ReadOnlySpan<char> text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text is "Z" or "z") return true;
        if (text.Length != 6 || text[0] is not ('+' or '-') || text[3] != ':') return false;
        if (!TryDigits(text.Slice(1, 2), out var hours) || !TryDigits(text.Slice(4, 2), out var minutes) || hours > 14 || minutes > 59)
            return false;
        offset = new TimeSpan(hours, minutes, 0);
        if (text[0] == '-') offset = -offset;
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
