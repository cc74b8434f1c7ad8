namespace ActorTrader.Data.Lakehouse;

/// <summary>
/// Where everything lives under the lakehouse root (<c>data/lakehouse/</c> by default, from
/// <c>actortrader.data.lakehouse-dir</c> resolved against <c>node.data-dir</c>):
/// <code>
/// bars/timeframe=1Day/symbol=NASDAQ_AAPL/part-00000.parquet   bars, see PartitionNaming
/// quarantine/&lt;UTC stamp&gt;-timeframe=1Day-symbol=.../           partitions moved aside because they could not be read
/// symbols.parquet                                            point-in-time symbol catalog
/// exchanges.parquet                                          exchange defaults (time zone, session, calendar)
/// features_matrix.parquet                                    time × symbol technical ratings
/// </code>
/// </summary>
public sealed record LakehouseLayout(string Root)
{
    public string Bars => Path.Combine(Root, "bars");

    public string Quarantine => Path.Combine(Root, "quarantine");

    public string Symbols => Path.Combine(Root, "symbols.parquet");

    public string Exchanges => Path.Combine(Root, "exchanges.parquet");

    public string FeaturesMatrix => Path.Combine(Root, "features_matrix.parquet");

    /// <summary>The layout for <paramref name="lakehouseDir"/>, resolved against <paramref name="dataDir"/> when relative.</summary>
    public static LakehouseLayout Resolve(string dataDir, string lakehouseDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        ArgumentException.ThrowIfNullOrWhiteSpace(lakehouseDir);
        return new LakehouseLayout(Path.GetFullPath(Path.IsPathRooted(lakehouseDir) ? lakehouseDir : Path.Combine(dataDir, lakehouseDir)));
    }
}
