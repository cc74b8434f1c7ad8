namespace ActorTrader.Strategies.Common;

/// <summary>
/// Rebuilds "am I still in the trade?" from history alone, so strategies with entry and exit rules stay stateless: scanning
/// back from the decision bar, the position is open when an entry bar is found before any exit bar.
/// </summary>
internal static class Holding
{
    /// <summary>
    /// Bars back from the last index of <paramref name="length"/> (at most <paramref name="maxBars"/>): returns the offset of
    /// the most recent bar where <paramref name="entry"/> held with no <paramref name="exit"/> bar after it, or −1.
    /// A bar that is both an entry and an exit counts as an entry (the signal renews the trade).
    /// </summary>
    public static int OpenEntry(int length, int maxBars, Func<int, bool> entry, Func<int, bool> exit)
    {
        var last = length - 1;
        for (var back = 0; back < Math.Min(maxBars, length); back++)
        {
            var i = last - back;
            if (entry(i)) return back;
            if (exit(i)) return -1;
        }
        return -1;
    }
}
