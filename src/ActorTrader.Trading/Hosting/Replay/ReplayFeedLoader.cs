using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Panels;
using ActorTrader.Trading.Replay;

namespace ActorTrader.Trading.Host.Replay;

/// <summary>
/// Loads the quotes of a replay: the sessions of the calendar from the first on or after the start, over the universe.
/// Market data (lakehouse, then the bundled samples) is preferred even when it lacks some symbols — those are left out of
/// the feed (their weights stay in cash) and named in <see cref="ReplayFeed.Dropped"/>; only when no stored source holds
/// any of them are synthetic bars used, for every symbol (synthetic and market prices are never mixed in one feed).
/// </summary>
public static class ReplayFeedLoader
{
    /// <summary>The first <paramref name="days"/> sessions of <paramref name="calendar"/> on or after <paramref name="start"/>.</summary>
    public static IReadOnlyList<MarketSession> Sessions(IMarketCalendar calendar, DateOnly start, int days)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return [.. calendar.Sessions(start, start.AddDays(days * 2 + 14)).Take(days)];
    }

    public static async Task<ReplayFeed> LoadAsync(PanelLoader loader, IReadOnlyList<Symbol> symbols, IReadOnlyList<MarketSession> sessions,
        IMarketCalendar calendar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(symbols);
        if (sessions.Count == 0) throw new ArgumentException("A replay needs at least one session.", nameof(sessions));
        var from = calendar.StartOfDayUtc(sessions[0].Date);
        var to = calendar.StartOfDayUtc(sessions[^1].Date.AddDays(1));
        var auto = await loader.LoadAsync(new PanelRequest(symbols, Timeframe.Day1, PanelSourceKind.Auto, from, to), cancellationToken).ConfigureAwait(false);
        if (!auto.Synthetic) return new ReplayFeed(ReplayMarketFeed.FromPanel(auto, calendar), []);
        foreach (var source in new[] { PanelSourceKind.Lakehouse, PanelSourceKind.Csv })
        {
            var subset = symbols.ToList();
            for (var attempt = 0; attempt < 2 && subset.Count > 0; attempt++)
            {
                try
                {
                    var loaded = await loader.LoadAsync(new PanelRequest(subset, Timeframe.Day1, source, from, to), cancellationToken).ConfigureAwait(false);
                    return new ReplayFeed(ReplayMarketFeed.FromPanel(loaded, calendar), [.. symbols.Except(subset).Order()]);
                }
                catch (PanelLoadException e) when (e.MissingSymbols.Count > 0)
                {
                    var missing = e.MissingSymbols.ToHashSet(StringComparer.Ordinal);
                    subset = [.. subset.Where(s => !missing.Contains(s.ToString()))];
                }
            }
        }
        return new ReplayFeed(ReplayMarketFeed.FromPanel(auto, calendar), []);
    }
}

/// <summary>A replay's quotes and the symbols of the universe left out because the chosen source has no bars for them.</summary>
public sealed record ReplayFeed(ReplayMarketFeed Feed, IReadOnlyList<Symbol> Dropped);
