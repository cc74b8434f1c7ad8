using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Providers.Synthetic;

/// <summary>
/// Generated bars for any symbol, deterministic in (seed, symbol): the same symbol gets the same bars whatever
/// other symbols are requested, in whatever order, and a range's bars equal the same range cut out of a larger
/// request. Prices follow a correlated multi-asset geometric Brownian motion (market factor + sector factor +
/// own noise, see <see cref="SyntheticPath"/>) with market-wide volatility regimes, Poisson jumps and log-normal
/// volume that rises on big moves. Equities and ETFs trade on the NYSE calendar (daily bars, and 1-minute bars
/// 09:30–16:00 New York, 13:00 on early closes); crypto trades 24x7 in UTC days. Prices are rounded to the tick
/// (0.01 for equities, 1e-8 for crypto), equity volume is whole shares.
/// <para>
/// History covers 1970-01-02 to 2099-12-31 (the timeline is fixed so paths do not depend on the request);
/// requests outside it get no bars there. Generation is synchronous CPU work done inside the call.
/// </para>
/// <para>
/// The data is marked synthetic (<see cref="IsSynthetic"/>, and "(synthetic)" in every metadata name) and
/// must never reach a live broker.
/// </para>
/// </summary>
public sealed class SyntheticMarketDataProvider : IMarketDataProvider
{
    /// <summary>The provider name recorded in lakehouse metadata.</summary>
    public const string ProviderName = "synthetic";

    private readonly SyntheticTimeline _timeline;
    private readonly SharedFactorCache _factors = new();
    private readonly ulong _seedKey;

    /// <param name="seed">Any value; the same seed always gives the same history for a symbol.</param>
    public SyntheticMarketDataProvider(long seed = 42)
    {
        Seed = seed;
        _seedKey = CounterRng.Mix((ulong)seed ^ 0x53594E5448455449UL);
        _timeline = new SyntheticTimeline(_seedKey);
    }

    public string Name => ProviderName;

    public bool IsSynthetic => true;

    public long Seed { get; }

    internal SyntheticTimeline Timeline => _timeline;

    /// <summary>The first date that can have a synthetic bar.</summary>
    public static DateOnly FirstDate => SyntheticTimeline.Epoch.AddDays(1);

    /// <summary>The last date that can have a synthetic bar.</summary>
    public static DateOnly LastDate => SyntheticTimeline.Horizon.AddDays(-1);

    /// <summary><paramref name="count"/> made-up NYSE tickers, SYN00001, SYN00002, …, for benchmarks and demos.</summary>
    public static IReadOnlyList<Symbol> Universe(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var symbols = new Symbol[count];
        for (var i = 0; i < count; i++) symbols[i] = new Symbol(Exchanges.Nyse, $"SYN{i + 1:D5}");
        return symbols;
    }

    public Task<IReadOnlyList<Bar>> GetBarsAsync(BarRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        if (request.Timeframe != Timeframe.Day1 && request.Timeframe != Timeframe.Minute1)
        {
            throw new MarketDataException(
                $"synthetic: timeframe {request.Timeframe} is not generated for {request.Symbol}. Fix: ask for {Timeframe.Day1} or {Timeframe.Minute1}.",
                isTransient: false);
        }
        var instrument = Instrument(request.Symbol);
        IReadOnlyList<Bar> bars = SyntheticBarGenerator.Generate(instrument, _timeline, _factors, request.Timeframe, request.Start, request.End, cancellationToken);
        return Task.FromResult(bars);
    }

    /// <summary>
    /// Metadata of the requested symbols (any symbol whose exchange has a calendar; others are left out). The
    /// synthetic provider knows every symbol, so without a list it returns none rather than an endless universe;
    /// use <see cref="Universe"/> to make one.
    /// </summary>
    public Task<IReadOnlyList<SymbolMetadata>> GetSymbolsAsync(IReadOnlyCollection<Symbol>? symbols = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = new List<SymbolMetadata>();
        foreach (var symbol in symbols ?? [])
        {
            var profile = AssetProfiles.Infer(symbol);
            if (!MarketCalendars.TryFor(profile, symbol.Exchange, out var calendar, out _)) continue;
            var instrument = SyntheticInstrument.Create(symbol, profile, _seedKey, _timeline);
            var isCrypto = profile == AssetProfile.Crypto;
            result.Add(new SymbolMetadata(
                symbol,
                profile,
                Name: $"{symbol.Ticker} (synthetic)",
                TimeZone: calendar.TimeZone.Id,
                TickSize: PriceTicks.ToDecimal(1, instrument.PriceDecimals),
                LotSize: isCrypto ? PriceTicks.ToDecimal(1, instrument.VolumeDecimals) : 1m,
                ListedOn: FirstDate,
                Tradable: true,
                Shortable: !isCrypto,
                Sector: instrument.Sector));
        }
        return Task.FromResult<IReadOnlyList<SymbolMetadata>>(result);
    }

    internal SyntheticInstrument Instrument(Symbol symbol)
    {
        var profile = AssetProfiles.Infer(symbol);
        if (!MarketCalendars.TryFor(profile, symbol.Exchange, out _, out var error))
            throw new MarketDataException($"synthetic: cannot generate {symbol}. {error}", isTransient: false);
        return SyntheticInstrument.Create(symbol, profile, _seedKey, _timeline);
    }
}
