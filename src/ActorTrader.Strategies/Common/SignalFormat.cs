using System.Globalization;

namespace ActorTrader.Strategies.Common;

/// <summary>Invariant-culture number formatting for signal reasons and events, so audit text is the same on every machine.</summary>
internal static class SignalFormat
{
    public static string Number(double value, int decimals = 4) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => (fraction * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";
}
