using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Strategies.Panel;
using ActorTrader.Trading.Panels;

namespace ActorTrader.Trading.Replay;

/// <summary>
/// Market quotes for a replay, from daily bars: per session of the replay's calendar, the bar opens as quotes at the
/// session's open and the bar closes as quotes at its close (UTC). A bar belongs to the session of its own symbol's
/// exchange-local date (a daily bar is stamped at that date's local midnight); bars on dates without a session of the
/// calendar are not replayed. <see cref="Synthetic"/> says whether the bars were generated — the live gate refuses a live
/// broker fed by synthetic data. Deterministic: same bars, same days, quotes in symbol order.
/// </summary>
public sealed class ReplayMarketFeed
{
    private readonly List<ReplayDay> _days;
    private readonly Dictionary<DateOnly, int> _index;

    private ReplayMarketFeed(List<ReplayDay> days, bool synthetic, string source, IMarketCalendar calendar)
    {
        _days = days;
        _index = days.Select((d, i) => (d.Date, i)).ToDictionary(x => x.Date, x => x.i);
        Synthetic = synthetic;
        Source = source;
        Calendar = calendar;
    }

    /// <summary>True when the bars are synthetic (generated), not market data.</summary>
    public bool Synthetic { get; }

    /// <summary>Where the bars came from, e.g. <c>csv data/samples</c> or <c>synthetic seed 42</c>.</summary>
    public string Source { get; }

    public IMarketCalendar Calendar { get; }

    /// <summary>Every session with at least one bar, ascending.</summary>
    public IReadOnlyList<ReplayDay> Days => _days;

    /// <summary>The day of an exchange-local date, or null when it has no session or no bars.</summary>
    public ReplayDay? DayOf(DateOnly date) => _index.TryGetValue(date, out var i) ? _days[i] : null;

    /// <summary>Up to <paramref name="count"/> days from the first on or after <paramref name="start"/>.</summary>
    public IReadOnlyList<ReplayDay> From(DateOnly start, int count) => [.. _days.Where(d => d.Date >= start).Take(count)];

    /// <summary>
    /// The latest quote of every symbol at <paramref name="instant"/>: today's close once the session closed, else today's
    /// open once it opened, else the most recent earlier quote. Symbols without any quote yet are left out.
    /// </summary>
    public IReadOnlyList<MarketQuote> QuotesAt(DateTimeOffset instant)
    {
        var latest = new SortedDictionary<Symbol, MarketQuote>();
        for (var i = _days.Count - 1; i >= 0; i--)
        {
            var day = _days[i];
            if (day.Session.Open > instant) continue;
            foreach (var quote in day.Session.Close <= instant ? day.Close : day.Open) latest.TryAdd(quote.Symbol, quote);
            foreach (var quote in day.Open) latest.TryAdd(quote.Symbol, quote);
        }
        return [.. latest.Values];
    }

    /// <summary>A feed over a loaded panel (its <see cref="LoadedPanel.Synthetic"/> flag and source come along).</summary>
    public static ReplayMarketFeed FromPanel(LoadedPanel loaded, IMarketCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var source = loaded.Source.ToString().ToLowerInvariant() + " " + loaded.Location;
        return FromPanel(loaded.Panel, loaded.Synthetic, source, calendar);
    }

    /// <summary>A feed over a daily <paramref name="panel"/>.</summary>
    public static ReplayMarketFeed FromPanel(BarPanel panel, bool synthetic, string source, IMarketCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(calendar);
        if (panel.Timeframe != Timeframe.Day1)
            throw new ArgumentException($"The replay feed takes daily bars, not {panel.Timeframe}. Fix: load the replay's panel with timeframe 1Day.", nameof(panel));
        var bars = new Dictionary<Symbol, IReadOnlyList<(DateTimeOffset Time, decimal? Open, decimal? Close)>>();
        if (panel.TimeCount > 0)
        {
            var view = panel.AsOf(panel.TimeCount - 1);
            for (var s = 0; s < panel.SymbolCount; s++)
            {
                var list = new List<(DateTimeOffset, decimal?, decimal?)>();
                for (var t = 0; t < panel.TimeCount; t++) list.Add((panel.Times[t], Price(view.OpenAt(s, t)), Price(view.CloseAt(s, t))));
                bars[panel.Symbols[s]] = list;
            }
        }
        return Build(bars, synthetic, source, calendar);
    }

    /// <summary>A feed over daily bars per symbol.</summary>
    public static ReplayMarketFeed FromBars(IReadOnlyDictionary<Symbol, IReadOnlyList<Bar>> bars, bool synthetic, string source, IMarketCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(calendar);
        var columns = bars.ToDictionary(kv => kv.Key,
            kv => (IReadOnlyList<(DateTimeOffset, decimal?, decimal?)>)[.. kv.Value.Select(b => (b.Timestamp, Price(b.Open), Price(b.Close)))]);
        return Build(columns, synthetic, source, calendar);
    }

    /// <summary>
    /// Loads the bars of <paramref name="symbols"/> for <paramref name="days"/> sessions from the first on or after
    /// <paramref name="start"/> through <paramref name="loader"/> (lakehouse, bundled samples, else synthetic).
    /// </summary>
    public static async Task<ReplayMarketFeed> LoadAsync(PanelLoader loader, IReadOnlyList<Symbol> symbols, DateOnly start, int days,
        IMarketCalendar calendar, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(calendar);
        if (days < 1) throw new ArgumentOutOfRangeException(nameof(days), days, "A replay needs at least one trading day.");
        // Sessions are at most about five days apart; this window surely holds the requested count.
        var sessions = calendar.Sessions(start, start.AddDays(days * 2 + 14)).Take(days).ToList();
        if (sessions.Count == 0) throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The {calendar.Name} calendar has no session from {start:yyyy-MM-dd}."), nameof(start));
        var request = new PanelRequest(symbols, Timeframe.Day1, From: calendar.StartOfDayUtc(sessions[0].Date),
            To: calendar.StartOfDayUtc(sessions[^1].Date.AddDays(1)));
        var loaded = await loader.LoadAsync(request, cancellationToken).ConfigureAwait(false);
        return FromPanel(loaded, calendar);
    }

    private static ReplayMarketFeed Build(Dictionary<Symbol, IReadOnlyList<(DateTimeOffset Time, decimal? Open, decimal? Close)>> bars, bool synthetic, string source,
        IMarketCalendar calendar)
    {
        var opens = new SortedDictionary<DateOnly, SortedDictionary<Symbol, decimal>>();
        var closes = new SortedDictionary<DateOnly, SortedDictionary<Symbol, decimal>>();
        foreach (var (symbol, rows) in bars)
        {
            var own = MarketCalendars.TryFor(AssetProfiles.Infer(symbol), symbol.Exchange, out var found, out _) ? found : calendar;
            foreach (var (time, open, close) in rows)
            {
                var date = own.LocalDate(time);
                if (open is { } o) Row(opens, date)[symbol] = o;
                if (close is { } c) Row(closes, date)[symbol] = c;
            }
        }
        var days = new List<ReplayDay>();
        foreach (var date in opens.Keys.Union(closes.Keys).Order())
        {
            if (calendar.SessionOn(date) is not { } session) continue;
            var open = opens.GetValueOrDefault(date)?.Select(kv => new MarketQuote(kv.Key, kv.Value, session.Open)).ToList() ?? [];
            var close = closes.GetValueOrDefault(date)?.Select(kv => new MarketQuote(kv.Key, kv.Value, session.Close)).ToList() ?? [];
            days.Add(new ReplayDay(date, session, open, close, synthetic));
        }
        return new ReplayMarketFeed(days, synthetic, string.IsNullOrWhiteSpace(source) ? (synthetic ? "synthetic" : "bars") : source, calendar);

        static SortedDictionary<Symbol, decimal> Row(SortedDictionary<DateOnly, SortedDictionary<Symbol, decimal>> table, DateOnly date)
        {
            if (!table.TryGetValue(date, out var row)) table[date] = row = [];
            return row;
        }
    }

    // A panel price as money (15 significant digits, like the sources' decimals); NaN (no bar) and non-positive give no quote.
    private static decimal? Price(double value) => double.IsFinite(value) && value > 0 && value < 1e15 ? (decimal)value : null;

    private static decimal? Price(decimal value) => value > 0 ? value : null;
}
