using ActorTrader.Quant.Clustering;
using ActorTrader.Quant.Estimators;
using ActorTrader.Quant.Metrics;
using ActorTrader.Quant.Portfolio;
using ActorTrader.Quant.Statistics;
using ActorTrader.Trading.Sleeves.Definition;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// Stage 5, pre-optimisation, on the legs' common window (from the latest warm-up to the end):
/// <list type="number">
/// <item>legs that do not vary over the window are dropped (an optimiser cannot price them);</item>
/// <item>correlation clusters: average-linkage clustering (Quant <see cref="HierarchicalClustering"/>) on the correlation
/// distance, cut where ρ ≥ the threshold; of each cluster the best <see cref="PreOptimisationSettings.MaxPerCluster"/>
/// legs by Sharpe stay;</item>
/// <item>antifragility (Quant <see cref="Antifragility"/>) of each leg against the equal-weighted universe;</item>
/// <item>regime caps become optimiser constraints: per correlation cluster, on all short legs, on all fragile legs, and
/// per strategy from its allocation; each cap is checked for feasibility and raised (with a note) when it cannot hold.</item>
/// </list>
/// </summary>
public static class PreOptimisation
{
    public const string StageName = "pre_opt";

    public static PreOptimisationResult Apply(IReadOnlyList<SleeveLeg> legs, ReturnAxis axis, PreOptimisationSettings settings, double maxWeight,
        IReadOnlyDictionary<string, double> allocations)
    {
        ArgumentNullException.ThrowIfNull(legs);
        ArgumentNullException.ThrowIfNull(axis);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(allocations);
        if (legs.Count == 0) return Failed("no legs reached pre-optimisation");
        var start = legs.Max(l => l.Candidate.FirstObservation);
        var length = axis.Length - start;
        if (length < 2) return Failed($"the legs share only {length} period(s) after the latest warm-up; give the window more bars");

        var excluded = new List<ExcludedCandidate>();
        var varying = new List<SleeveLeg>();
        foreach (var leg in legs)
        {
            if (Variance(leg.Returns[start..]) > 0) varying.Add(leg);
            else excluded.Add(new ExcludedCandidate(leg.Id, StageName, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"no variation over the common window from {axis.Dates[start]:yyyy-MM-dd}")));
        }
        if (varying.Count == 0) return Failed("no leg varies over the common window", excluded);

        var sharpe = varying.ToDictionary(l => l.Id, l => RiskAdjustedRatios.Sharpe(l.Returns[start..], 0, axis.PeriodsPerYear), StringComparer.Ordinal);
        var labels = Clusters(varying, start, settings.CorrelationThreshold);
        var kept = new List<SleeveLeg>();
        var clusters = new List<ClusterAudit>();
        foreach (var label in labels.Distinct().Order())
        {
            var members = varying.Where((_, i) => labels[i] == label).ToList();
            var ranked = members.OrderByDescending(l => double.IsNaN(sharpe[l.Id]) ? double.NegativeInfinity : sharpe[l.Id]).ThenBy(l => l.Id, StringComparer.Ordinal).ToList();
            var keep = ranked.Take(settings.MaxPerCluster).ToList();
            foreach (var dropped in ranked.Skip(settings.MaxPerCluster))
            {
                excluded.Add(new ExcludedCandidate(dropped.Id, StageName,
                    $"correlation cluster {label}: {settings.MaxPerCluster} better leg(s) by Sharpe kept (pre-opt.max-per-cluster = {settings.MaxPerCluster})"));
            }
            kept.AddRange(keep);
            clusters.Add(new ClusterAudit(label, [.. members.Select(m => m.Id)], [.. keep.Select(m => m.Id)]));
        }
        // The optimiser sees legs in a fixed order: as they came (strategy order, then symbol, then direction).
        var order = legs.Select((l, i) => (l.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        kept = [.. kept.OrderBy(l => order[l.Id])];
        var clusterOf = kept.ToDictionary(l => l.Id, l => labels[varying.IndexOf(l)], StringComparer.Ordinal);

        var market = Market(axis, start);
        var fragility = kept.Select(l => Fragility(l, start, market)).ToList();
        var fragile = fragility.Where(f => f.Fragile).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);

        var caps = new CapBuilder(kept, maxWeight);
        caps.Partition("cluster", [.. kept.GroupBy(l => clusterOf[l.Id]).OrderBy(g => g.Key).Select(g => ($"cluster {g.Key}", g.ToList(), settings.ClusterCap))]);
        caps.Single("short", "short legs", kept.Where(l => l.Candidate.Direction == CandidateDirection.Short).ToList(), settings.ShortCap);
        caps.Single("fragile", "fragile legs", kept.Where(l => fragile.Contains(l.Id)).ToList(), settings.FragileCap);
        var present = kept.Select(l => l.Candidate.Strategy).Distinct(StringComparer.Ordinal).ToList();
        var total = present.Sum(s => allocations.GetValueOrDefault(s, 1.0));
        var scale = total is > 0 and < 1 ? 1 / total : 1.0;
        caps.Partition("allocation", [.. present.Select(s => ($"strategy {s}", kept.Where(l => l.Candidate.Strategy == s).ToList(),
            Math.Min(1.0, allocations.GetValueOrDefault(s, 1.0) * scale)))]);

        var constraints = new PortfolioConstraints { UpperBound = caps.Upper, GroupCaps = caps.Groups };
        var audit = new PreOptimisationAudit(
            axis.Dates[start], length, settings.CorrelationThreshold, DistanceOf(settings.CorrelationThreshold), settings.MaxPerCluster,
            clusters, [.. kept.Select(l => new KeptLegAudit(l.Id, clusterOf[l.Id], sharpe[l.Id]))], fragility,
            new ConstraintAudit(maxWeight, caps.Upper, caps.UpperNote, caps.Audit), [.. excluded.Select(e => e.Id)]);
        return new PreOptimisationResult(kept, start, constraints, excluded, audit, null);
    }

    private static PreOptimisationResult Failed(string reason, IReadOnlyList<ExcludedCandidate>? excluded = null) =>
        new([], 0, PortfolioConstraints.LongOnly, excluded ?? [], null, reason);

    /// <summary>The correlation distance √((1 − ρ)/2) at which clusters are cut.</summary>
    public static double DistanceOf(double correlation) => Math.Sqrt(Math.Clamp((1 - correlation) / 2, 0, 1));

    private static int[] Clusters(List<SleeveLeg> legs, int start, double threshold)
    {
        if (legs.Count == 1) return [0];
        var length = legs[0].Returns.Length - start;
        var matrix = Matrix<double>.Build.Dense(length, legs.Count, (i, j) => legs[j].Returns[start + i]);
        var distance = CorrelationDistance.FromCorrelation(SampleCorrelation.Estimate(matrix));
        return ClusterCut.AtDistance(HierarchicalClustering.Build(distance, Linkage.Average), DistanceOf(threshold));
    }

    // The equal-weighted universe: the mean of the symbols' returns present in each period.
    private static double[] Market(ReturnAxis axis, int start)
    {
        var market = new double[axis.Length - start];
        for (var k = 0; k < market.Length; k++)
        {
            double sum = 0;
            var count = 0;
            for (var s = 0; s < axis.Symbols.Count; s++)
            {
                var r = axis.AssetReturns(s)[start + k];
                if (!double.IsFinite(r)) continue;
                sum += r;
                count++;
            }
            market[k] = count == 0 ? double.NaN : sum / count;
        }
        return market;
    }

    private static FragilityAudit Fragility(SleeveLeg leg, int start, double[] market)
    {
        try
        {
            var scores = Antifragility.Assess(leg.Returns[start..], market);
            var fragile = scores.Convexity.Convexity < 0 && scores.Tails.Ratio < 1;
            return new FragilityAudit(leg.Id, scores.Convexity.Alpha, scores.Convexity.Beta, scores.Convexity.Convexity, scores.Convexity.RSquared,
                scores.Tails.UpsideTailMean, scores.Tails.DownsideTailMean, scores.Tails.Ratio, fragile, null);
        }
        catch (ArgumentException e)
        {
            // Too few distinct market moves to fit the quadratic: the leg is not judged fragile, and the audit says why.
            return new FragilityAudit(leg.Id, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, false, e.Message);
        }
    }

    private static double Variance(ReadOnlySpan<double> values)
    {
        if (values.Length < 2) return 0;
        double mean = 0;
        foreach (var v in values) mean += v;
        mean /= values.Length;
        double sum = 0;
        foreach (var v in values) sum += (v - mean) * (v - mean);
        return sum / (values.Length - 1);
    }

    /// <summary>Collects group caps, raising any that cannot hold together with the budget and the per-leg bound.</summary>
    private sealed class CapBuilder
    {
        private readonly IReadOnlyList<SleeveLeg> _legs;
        private readonly Dictionary<string, int> _index;

        public CapBuilder(IReadOnlyList<SleeveLeg> legs, double maxWeight)
        {
            _legs = legs;
            _index = legs.Select((l, i) => (l.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
            Upper = Math.Max(maxWeight, 1.0 / legs.Count);
            UpperNote = Upper > maxWeight ? $"optimisation.max-weight = {F(maxWeight)} cannot hold for {legs.Count} leg(s) summing to 1; raised to 1/{legs.Count}" : null;
        }

        public double Upper { get; }

        public string? UpperNote { get; }

        public List<(IReadOnlyList<int> Assets, double Cap)> Groups { get; } = [];

        public List<CapAudit> Audit { get; } = [];

        /// <summary>Caps on groups that split the legs: feasible when the capped groups can still hold the whole budget.</summary>
        public void Partition(string family, IReadOnlyList<(string Name, List<SleeveLeg> Members, double Cap)> groups)
        {
            if (groups.All(g => g.Cap >= 1)) return;
            if (groups.Count < 2)
            {
                foreach (var g in groups) Audit.Add(new CapAudit(family, g.Name, Ids(g.Members), g.Cap, 1, "one group holds every leg: a cap below 1 cannot hold, not applied"));
                return;
            }
            var capacity = groups.Sum(g => Math.Min(g.Cap, g.Members.Count * Upper));
            var floor = capacity >= 1 - 1e-12 ? 0 : MinimumCommonCap(groups);
            foreach (var (name, members, requested) in groups)
            {
                var applied = Math.Max(requested, floor);
                var note = applied > requested ? $"raised from {F(requested)} so the groups can hold the whole budget" : null;
                Add(family, name, members, requested, applied, note);
            }
        }

        /// <summary>A cap on one group: feasible when the other legs can take the rest of the budget.</summary>
        public void Single(string family, string name, List<SleeveLeg> members, double requested)
        {
            if (requested >= 1 || members.Count == 0) return;
            var others = _legs.Count - members.Count;
            if (others == 0)
            {
                Audit.Add(new CapAudit(family, name, Ids(members), requested, 1, "every leg is in the group: a cap below 1 cannot hold, not applied"));
                return;
            }
            var needed = 1 - others * Upper;
            var applied = Math.Max(requested, needed);
            Add(family, name, members, requested, applied, applied > requested ? $"raised from {F(requested)}: the other {others} leg(s) can take at most {F(others * Upper)}" : null);
        }

        private void Add(string family, string name, List<SleeveLeg> members, double requested, double applied, string? note)
        {
            if (applied >= 1)
            {
                Audit.Add(new CapAudit(family, name, Ids(members), requested, 1, note ?? "cap of 1 is no cap"));
                return;
            }
            if (members.Count * Upper <= applied)
            {
                // The group's legs cannot exceed the cap anyway: no constraint, so heuristic engines are not refused for it.
                Audit.Add(new CapAudit(family, name, Ids(members), requested, 1, $"not binding: its {members.Count} leg(s) hold at most {F(members.Count * Upper)}"));
                return;
            }
            Groups.Add(([.. members.Select(m => _index[m.Id])], applied));
            Audit.Add(new CapAudit(family, name, Ids(members), requested, applied, note));
        }

        // The smallest common floor f such that Σ min(max(cap_g, f), |g|·upper) ≥ 1, by bisection (monotone in f).
        private double MinimumCommonCap(IReadOnlyList<(string Name, List<SleeveLeg> Members, double Cap)> groups)
        {
            double lo = 0, hi = 1;
            for (var i = 0; i < 60; i++)
            {
                var mid = (lo + hi) / 2;
                var capacity = groups.Sum(g => Math.Min(Math.Max(g.Cap, mid), g.Members.Count * Upper));
                if (capacity >= 1 - 1e-12) hi = mid;
                else lo = mid;
            }
            return hi;
        }

        private static IReadOnlyList<string> Ids(List<SleeveLeg> members) => [.. members.Select(m => m.Id)];

        private static string F(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>The legs handed to the optimiser, the common window's first period, the constraints, whom pre-opt dropped, and the audit (null with a failure).</summary>
public sealed record PreOptimisationResult(
    IReadOnlyList<SleeveLeg> Kept,
    int WindowStart,
    PortfolioConstraints Constraints,
    IReadOnlyList<ExcludedCandidate> Excluded,
    PreOptimisationAudit? Audit,
    string? Failure);

/// <summary>The <c>05_pre_opt.json</c> audit.</summary>
public sealed record PreOptimisationAudit(
    DateTimeOffset WindowStart,
    int WindowPeriods,
    double CorrelationThreshold,
    double DistanceThreshold,
    int MaxPerCluster,
    IReadOnlyList<ClusterAudit> Clusters,
    IReadOnlyList<KeptLegAudit> Kept,
    IReadOnlyList<FragilityAudit> Antifragility,
    ConstraintAudit Constraints,
    IReadOnlyList<string> Dropped);

/// <summary>One correlation cluster: its members and which of them were kept.</summary>
public sealed record ClusterAudit(int Cluster, IReadOnlyList<string> Members, IReadOnlyList<string> Kept);

/// <summary>A leg that goes to the optimiser, its cluster and its Sharpe over the common window.</summary>
public sealed record KeptLegAudit(string Id, int Cluster, double Sharpe);

/// <summary>A leg's antifragility against the equal-weighted universe (NaN with an error when it could not be fitted).</summary>
public sealed record FragilityAudit(
    string Id,
    double Alpha,
    double Beta,
    double Convexity,
    double RSquared,
    double UpsideTailMean,
    double DownsideTailMean,
    double TailRatio,
    bool Fragile,
    string? Error);

/// <summary>The bounds and caps given to the optimiser.</summary>
public sealed record ConstraintAudit(double MaxWeightRequested, double UpperBound, string? UpperNote, IReadOnlyList<CapAudit> Caps);

/// <summary>One cap: its family (cluster, short, fragile, allocation), the group, the requested and applied cap and any note.</summary>
public sealed record CapAudit(string Family, string Group, IReadOnlyList<string> Members, double Requested, double Applied, string? Note);
