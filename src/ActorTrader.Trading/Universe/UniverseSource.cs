namespace ActorTrader.Trading.Universe;

/// <summary>Where a strategy backtest's universe comes from (<c>actortrader.backtest.walk-forward.universe.source</c>).</summary>
public enum UniverseSource
{
    /// <summary>The features matrix when <c>features_matrix.parquet</c> exists, else <see cref="None"/>.</summary>
    Auto,

    /// <summary>The features matrix, point in time; a missing file is an error.</summary>
    Features,

    /// <summary>No filter: every symbol of the fixed list may be held at every decision.</summary>
    None,
}
