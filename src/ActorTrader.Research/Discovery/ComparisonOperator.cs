namespace ActorTrader.Research.Discovery;

/// <summary>
/// How a comparison relates its two series at bar t. Crossings need bar t − 1 too: left crosses above right at t when
/// left ≤ right at t − 1 and left &gt; right at t (below mirrors it). Any NaN input (warm-up) makes the comparison false.
/// </summary>
public enum ComparisonOperator
{
    /// <summary><c>gt</c>: left &gt; right.</summary>
    GreaterThan,

    /// <summary><c>lt</c>: left &lt; right.</summary>
    LessThan,

    /// <summary><c>crosses_above</c>.</summary>
    CrossesAbove,

    /// <summary><c>crosses_below</c>.</summary>
    CrossesBelow,
}
