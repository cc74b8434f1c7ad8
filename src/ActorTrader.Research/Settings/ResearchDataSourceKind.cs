namespace ActorTrader.Research.Settings;

/// <summary>Where research reads its bars (hocon <c>actortrader.research.data.source</c>).</summary>
public enum ResearchDataSourceKind
{
    /// <summary>The lakehouse when it holds every symbol, else the bundled CSV samples.</summary>
    Auto,

    /// <summary>The Parquet lakehouse only.</summary>
    Lakehouse,

    /// <summary>The CSV samples only (daily bars).</summary>
    Csv,

    /// <summary>The deterministic synthetic generator (seeded by <c>actortrader.data.synthetic.seed</c>).</summary>
    Synthetic,

    /// <summary>The seeded synthetic market with a planted profitable region (<c>research.data.planted</c>); for trials and tests.</summary>
    Planted,
}
