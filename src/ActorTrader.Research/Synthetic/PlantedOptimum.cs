using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;

namespace ActorTrader.Research.Synthetic;

/// <summary>
/// The parameter set a <see cref="PlantedMarket"/> was built to reward, and the fitness its evaluator gives it. Genomes
/// that behave the same (any breakout window or volume multiple inside the planted region) tie with it; none scores
/// higher on the grids the tests sweep.
/// </summary>
public sealed record PlantedOptimum(Genome Genome, FitnessResult Result)
{
    public double Fitness => Result.Fitness;

    /// <summary>
    /// True when <paramref name="fitness"/> is at least the optimum less <paramref name="tolerance"/> of its magnitude
    /// (0.05 = within 5%), the acceptance test of a research run on this market. A fitness above the optimum counts.
    /// </summary>
    public bool IsReachedBy(double fitness, double tolerance = 0.05)
    {
        if (!(tolerance >= 0) || !double.IsFinite(tolerance))
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance is a fraction of the optimum's fitness, 0 or more (0.05 = 5%).");
        return fitness >= Fitness - tolerance * Math.Abs(Fitness);
    }
}
