using ActorTrader.Backtest.Weights;
using ActorTrader.Strategies.Panel;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Cli.Backtesting;

/// <summary>
/// Lays a sleeve's per-bar target schedule onto the panel the backtest simulates: flat before the schedule's first
/// decision bar, then each row on its own bar. The simulators need the panel's full time axis; the caller slices the
/// result from <see cref="Start"/> so the warm-up bars do not dilute the statistics.
/// </summary>
internal sealed record SleeveScheduleOnPanel(WeightsSchedule Weights, int Start)
{
    public static SleeveScheduleOnPanel Of(SleeveSchedule schedule, BarPanel panel)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(panel);
        if (schedule.Count == 0) throw new ArgumentException("The sleeve published no target schedule; nothing to backtest.", nameof(schedule));
        var start = IndexOfTime(panel, schedule.Dates[0]);
        if (start < 0 || panel.TimeCount - start != schedule.Count)
            throw new ArgumentException(
                $"The sleeve's schedule ({schedule.Count} bars from {schedule.Dates[0]:yyyy-MM-dd}) does not line up with the reloaded data " +
                $"({panel.TimeCount} bars, {panel.Times[0]:yyyy-MM-dd}..{panel.Times[^1]:yyyy-MM-dd}). Fix: run the backtest again; the data changed between the two loads.",
                nameof(schedule));
        var onSchedule = schedule.ToWeightsSchedule(panel.Symbols);
        var n = panel.SymbolCount;
        var values = new double[panel.TimeCount * n];
        for (var t = 0; t < schedule.Count; t++)
        {
            if (panel.Times[start + t] != schedule.Dates[t])
                throw new ArgumentException($"The sleeve's schedule has {schedule.Dates[t]:O} where the data has {panel.Times[start + t]:O}. Fix: run the backtest again.", nameof(schedule));
            onSchedule.Row(t).CopyTo(values.AsSpan((start + t) * n, n));
        }
        return new SleeveScheduleOnPanel(WeightsSchedule.FromValues(panel.Symbols, panel.Times, values), start);
    }

    private static int IndexOfTime(BarPanel panel, DateTimeOffset time)
    {
        var i = panel.LastIndexAtOrBefore(time);
        return i >= 0 && panel.Times[i] == time ? i : -1;
    }
}
