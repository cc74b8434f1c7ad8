using ActorTrader.Quant.Estimators;
using ActorTrader.Quant.Portfolio;
using ActorTrader.Quant.Returns;
using ActorTrader.Trading.Sleeves.Definition;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// Stage 6, optimisation: the legs' returns over the common window form the problem (annualised arithmetic means, the
/// configured covariance, the pre-opt constraints). Every configured engine of the optimiser catalog runs on it and its
/// weights must pass the stable-sum gate (|Σw| &gt; 1e-6, Σw = 1); an engine that throws or fails the gate is reported
/// and the others go on. The primary engine's weights are the sleeve's; if it fails, so does the run.
/// </summary>
public static class PortfolioOptimisation
{
    public const string StageName = "optimisation";

    public static OptimisationResult Apply(IReadOnlyList<SleeveLeg> legs, int windowStart, PortfolioConstraints constraints, OptimisationSettings settings,
        double periodsPerYear, OptimizerCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(legs);
        ArgumentNullException.ThrowIfNull(constraints);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(catalog);
        if (legs.Count == 0) return new OptimisationResult(null, [], "no legs to optimise");
        var length = legs[0].Returns.Length - windowStart;
        var returns = Matrix<double>.Build.Dense(length, legs.Count, (i, j) => legs[j].Returns[windowStart + i]);
        var expected = ExpectedReturns.Arithmetic(returns, periodsPerYear);
        var covariance = settings.Covariance == CovarianceKind.Sample
            ? SampleCovariance.Estimate(returns, periodsPerYear)
            : LedoitWolf.ConstantVariance(returns, periodsPerYear).Covariance;
        var problem = new PortfolioProblem([.. legs.Select(l => l.Id)], returns, expected, covariance, constraints);

        var engines = new List<EngineAudit>();
        PortfolioWeights? primary = null;
        var names = settings.Engines.Contains(settings.Primary, StringComparer.OrdinalIgnoreCase) ? settings.Engines : [settings.Primary, .. settings.Engines];
        foreach (var name in names)
        {
            var isPrimary = string.Equals(name, settings.Primary, StringComparison.OrdinalIgnoreCase);
            if (!catalog.TryGet(name, out var optimizer))
            {
                engines.Add(new EngineAudit(name, isPrimary, false, null, $"\"{name}\" is not in the optimiser catalog ({string.Join(", ", catalog.Names)})", []));
                continue;
            }
            try
            {
                var weights = StableSumGate.Check(optimizer.Optimize(problem), constraints.Budget);
                engines.Add(new EngineAudit(optimizer.Name, isPrimary, true, weights.Weights.Sum(), null,
                    [.. weights.Assets.Select((a, i) => new LegWeight(a, weights.Weights[i]))]));
                if (isPrimary) primary = weights;
            }
            catch (Exception e) when (e is OptimizationException or ArgumentException)
            {
                // An engine that cannot solve this problem is a finding, not a crash: it is reported and the others go on.
                engines.Add(new EngineAudit(optimizer.Name, isPrimary, false, null, e.Message, []));
            }
        }
        var failure = primary is null
            ? $"the primary engine {settings.Primary} failed: {engines.First(e => e.Primary).Error}"
            : null;
        return new OptimisationResult(primary, engines, failure);
    }
}

/// <summary>The primary engine's weights (null when it failed), every engine's outcome, and why the stage failed.</summary>
public sealed record OptimisationResult(PortfolioWeights? Primary, IReadOnlyList<EngineAudit> Engines, string? Failure);

/// <summary>One engine's outcome: passed the gate or not, Σw, the error, and its weights per leg.</summary>
public sealed record EngineAudit(string Engine, bool Primary, bool Succeeded, double? WeightSum, string? Error, IReadOnlyList<LegWeight> Weights);

/// <summary>A weight of one leg (candidate).</summary>
public sealed record LegWeight(string Id, double Weight);
