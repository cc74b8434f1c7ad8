namespace ActorTrader.Quant.Clustering;

/// <summary>How the distance between two clusters is derived from the distances of their members (scipy names).</summary>
public enum Linkage
{
    /// <summary>Nearest members (minimum spanning tree); the HRP default of López de Prado and PyPortfolioOpt.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "scipy's method name, known to every user.")]
    Single,

    /// <summary>Farthest members.</summary>
    Complete,

    /// <summary>Mean of all member pairs (UPGMA).</summary>
    Average,

    /// <summary>Ward's minimum increase of within-cluster variance (Lance-Williams update on distances, as scipy).</summary>
    Ward,
}
