using ActorTrader.Backtest.Weights;

namespace ActorTrader.Backtest.Rebalancing;

/// <summary>
/// When the simulators trade: a frequency (and N for every-N-bars). Period boundaries are read from the bar starts in
/// UTC: a rebalance happens at the close of the first bar of each new day, week or month, and at the first bar.
/// Text form (HOCON, CLI): <c>daily</c>, <c>weekly</c>, <c>monthly</c>, <c>once</c>, <c>every-N-bars</c>.
/// </summary>
public sealed record RebalanceSchedule
{
    public RebalanceSchedule(RebalanceFrequency frequency, int everyBars = 1)
    {
        if (!Enum.IsDefined(frequency)) throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Unknown rebalance frequency.");
        ArgumentOutOfRangeException.ThrowIfLessThan(everyBars, 1);
        Frequency = frequency;
        EveryBars = frequency == RebalanceFrequency.EveryNBars ? everyBars : 1;
    }

    public RebalanceFrequency Frequency { get; }

    /// <summary>N of <see cref="RebalanceFrequency.EveryNBars"/> (1 for the other frequencies).</summary>
    public int EveryBars { get; }

    public static RebalanceSchedule Daily { get; } = new(RebalanceFrequency.Daily);

    public static RebalanceSchedule Weekly { get; } = new(RebalanceFrequency.Weekly);

    public static RebalanceSchedule Monthly { get; } = new(RebalanceFrequency.Monthly);

    public static RebalanceSchedule Once { get; } = new(RebalanceFrequency.Once);

    public static RebalanceSchedule Every(int bars) => new(RebalanceFrequency.EveryNBars, bars);

    /// <summary>True at the bars where the simulators trade to the targets of <paramref name="weights"/>.</summary>
    public bool[] Mask(WeightsSchedule weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var times = weights.Times;
        var mask = new bool[times.Count];
        if (Frequency == RebalanceFrequency.Once)
        {
            for (var t = 0; t < times.Count; t++)
            {
                foreach (var w in weights.Row(t))
                {
                    if (w == 0) continue;
                    mask[t] = true;
                    return mask;
                }
            }
            return mask;
        }
        for (var t = 0; t < times.Count; t++)
        {
            mask[t] = t == 0 || Frequency switch
            {
                RebalanceFrequency.Daily => Day(times[t]) != Day(times[t - 1]),
                RebalanceFrequency.Weekly => Day(times[t]) / 7 != Day(times[t - 1]) / 7, // day number 0 is a Monday
                RebalanceFrequency.Monthly => times[t].UtcDateTime.Month != times[t - 1].UtcDateTime.Month || times[t].UtcDateTime.Year != times[t - 1].UtcDateTime.Year,
                _ => t % EveryBars == 0,
            };
        }
        return mask;
    }

    /// <summary>Parses the text form; an unknown one throws <see cref="FormatException"/> listing the valid forms.</summary>
    public static RebalanceSchedule Parse(string text)
    {
        var t = text?.Trim().ToLowerInvariant() ?? "";
        switch (t)
        {
            case "daily": return Daily;
            case "weekly": return Weekly;
            case "monthly": return Monthly;
            case "once": return Once;
        }
        if (t.StartsWith("every-", StringComparison.Ordinal) && t.EndsWith("-bars", StringComparison.Ordinal) &&
            int.TryParse(t.AsSpan(6, t.Length - 11), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1)
        {
            return Every(n);
        }
        throw new FormatException($"Rebalance schedule \"{text}\" is not known. Fix: use daily, weekly, monthly, once or every-N-bars (e.g. every-5-bars).");
    }

    public override string ToString() => Frequency switch
    {
        RebalanceFrequency.Daily => "daily",
        RebalanceFrequency.Weekly => "weekly",
        RebalanceFrequency.Monthly => "monthly",
        RebalanceFrequency.Once => "once",
        _ => $"every-{EveryBars}-bars",
    };

    private static int Day(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime).DayNumber;
}
