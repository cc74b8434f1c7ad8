namespace ActorTrader.Trading.Meta;

/// <summary>
/// One meta-portfolio profile (<c>actortrader.meta.profiles.&lt;name&gt;</c>): which sleeves run, which optimiser
/// allocates across them, whether one sleeve is enough, how long a sleeve may take, and how many common dates the
/// sleeves' return streams must share.
/// </summary>
/// <param name="Name">The profile's key, e.g. <c>default</c>.</param>
/// <param name="Sleeves">Sleeve names in the order configured; each becomes one child run.</param>
/// <param name="Optimizer">An <see cref="ActorTrader.Quant.Portfolio.OptimizerCatalog"/> name (<c>erc</c> = risk parity).</param>
/// <param name="AllowSingleSleeve">When false, the completeness gate requires at least two sleeves.</param>
/// <param name="SleeveTimeout">A sleeve that has not answered after this long counts as missing.</param>
/// <param name="MinOverlap">Fewest common dates (bars) of the sleeves' return streams the meta-weights may be estimated on.</param>
public sealed record MetaProfile(
    string Name,
    IReadOnlyList<string> Sleeves,
    string Optimizer,
    bool AllowSingleSleeve,
    TimeSpan SleeveTimeout,
    int MinOverlap)
{
    /// <summary>Default optimiser: equal risk contribution (risk parity).</summary>
    public const string DefaultOptimizer = "erc";

    /// <summary>Default of <c>sleeve-timeout</c>.</summary>
    public static readonly TimeSpan DefaultSleeveTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Default of <c>min-overlap</c>.</summary>
    public const int DefaultMinOverlap = 60;

    /// <summary>Fewest sleeves a profile may have unless <see cref="AllowSingleSleeve"/>.</summary>
    public const int MinimumSleeves = 2;
}
