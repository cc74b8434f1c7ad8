using ActorTrader.Domain.Instruments;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Research.Fitness;

/// <summary>
/// Pins the evaluation window of a research run on a panel: in-sample and out-of-sample date ranges, the symbols (the
/// panel's, in panel order, unless given) and the <see cref="DataFingerprint"/> of those bars.
/// </summary>
public static class PinnedWindowFactory
{
    /// <summary>
    /// The first <paramref name="inSampleFraction"/> of the panel's bar dates (rounded down, at least one) in-sample, the
    /// rest out-of-sample.
    /// </summary>
    public static PinnedWindow Create(BarPanel panel, double inSampleFraction, IReadOnlyList<string>? symbols = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        if (!(inSampleFraction > 0 && inSampleFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(inSampleFraction), inSampleFraction, "The in-sample fraction must be between 0 and 1 (exclusive), e.g. 0.7.");
        var dates = panel.Times.Select(WindowBars.DateOf).Distinct().ToArray();
        if (dates.Length < 2)
            throw new ArgumentException($"The panel has bars on {dates.Length} date(s); pinning a window needs at least two (one in-sample, one out-of-sample).", nameof(panel));
        var split = Math.Clamp((int)Math.Floor(dates.Length * inSampleFraction), 1, dates.Length - 1);
        return Create(panel, dates[0], dates[split - 1], dates[split], dates[^1], symbols);
    }

    /// <summary>A window on explicit inclusive date ranges; the in-sample range must end before the out-of-sample one starts.</summary>
    public static PinnedWindow Create(BarPanel panel, DateOnly inSampleStart, DateOnly inSampleEnd, DateOnly outOfSampleStart, DateOnly outOfSampleEnd,
        IReadOnlyList<string>? symbols = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var names = symbols is null
            ? panel.Symbols.Select(s => s.ToString()).ToArray()
            : symbols.Select(s => Symbol.TryParse(s, out var symbol, out var error) ? symbol.ToString() : throw new PinnedWindowException($"Symbol \"{s}\": {error}")).ToArray();
        var window = new PinnedWindow(inSampleStart, inSampleEnd, outOfSampleStart, outOfSampleEnd, names, "");
        return window with { DataFingerprint = DataFingerprint.Compute(panel, window) };
    }
}
