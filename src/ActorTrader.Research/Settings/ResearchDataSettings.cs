namespace ActorTrader.Research.Settings;

/// <summary>
/// The bars a research run is pinned on (hocon <c>actortrader.research.data</c>): the source, the symbols (tickers are
/// listed under <c>actortrader.data.csv.default-exchange</c>; <c>EXCHANGE:TICKER</c> names one exactly), the date range
/// (UTC days, both included; null = all the source holds) and the share of its dates the GA may see. The rest is the
/// out-of-sample window, used only to validate promotion candidates.
/// </summary>
public sealed record ResearchDataSettings
{
    public static ResearchDataSettings Default { get; } = new();

    public ResearchDataSourceKind Source { get; init; } = ResearchDataSourceKind.Auto;

    /// <summary>The tickers of the bundled daily samples that cover 2010–2019 (data/samples/README.md).</summary>
    public IReadOnlyList<string> Symbols { get; init; } =
        ["AAPL", "AMD", "BAC", "BBY", "CVX", "GE", "HD", "JNJ", "JPM", "KO", "LLY", "MRK", "MSFT", "PEP", "PFE", "PG", "RRC", "SPY", "UNH", "WMT", "XOM"];

    public DateOnly? From { get; init; } = new DateOnly(2010, 1, 1);

    public DateOnly? To { get; init; } = new DateOnly(2019, 12, 31);

    /// <summary>Share of the dates in-sample (the GA's); the later dates are out-of-sample.</summary>
    public double InSampleFraction { get; init; } = 0.7;

    /// <summary>Seed of the planted market (source = planted).</summary>
    public ulong PlantedSeed { get; init; } = 1;

    public int PlantedSymbols { get; init; } = 5;

    public int PlantedYears { get; init; } = 3;

    /// <summary>The flat variant of the planted market, where every genome scores the same (stagnation drills).</summary>
    public bool PlantedPlateau { get; init; }
}
