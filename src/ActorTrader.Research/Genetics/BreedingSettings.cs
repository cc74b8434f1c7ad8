using System.Globalization;

namespace ActorTrader.Research.Genetics;

/// <summary>
/// How a population is bred: size, elitism, tournament selection, crossover, mutation and the bounds of the adaptive
/// mutation rate. Problems name the HOCON keys (kebab-case) this record is meant to be read from under
/// <c>actortrader.research.breeding</c>; the reader supplies these defaults for absent keys. The mutation rate is
/// the per-gene probability that a child's gene mutates.
/// </summary>
public sealed record BreedingSettings
{
    /// <summary>The built-in defaults.</summary>
    public static BreedingSettings Default { get; } = new();

    /// <summary>Individuals per generation.</summary>
    public int PopulationSize { get; init; } = 50;

    /// <summary>The best this many distinct genomes pass to the next generation unchanged.</summary>
    public int EliteCount { get; init; } = 2;

    /// <summary>Contestants drawn (with replacement) per tournament; larger means stronger selection pressure.</summary>
    public int TournamentSize { get; init; } = 3;

    /// <summary>Probability that two selected parents are crossed rather than copied.</summary>
    public double CrossoverProbability { get; init; } = 0.9;

    /// <summary>BLX-α: a real child gene is drawn from the parents' interval widened by α times its length on each side.</summary>
    public double BlendAlpha { get; init; } = 0.5;

    /// <summary>Standard deviation of a Gaussian mutation as a fraction of the parameter's range.</summary>
    public double GaussianSigmaFraction { get; init; } = 0.1;

    /// <summary>Probability that a mutating gene is reset to a uniform random value instead of nudged.</summary>
    public double ResetProbability { get; init; } = 0.1;

    /// <summary>Per-gene mutation rate of the first generation.</summary>
    public double MutationRateInitial { get; init; } = 0.1;

    /// <summary>Lowest rate <see cref="AdaptiveMutation"/> may set.</summary>
    public double MutationRateMin { get; init; } = 0.01;

    /// <summary>Highest rate <see cref="AdaptiveMutation"/> may set.</summary>
    public double MutationRateMax { get; init; } = 0.5;

    /// <summary>Factor by which <see cref="AdaptiveMutation"/> raises (or divides) the rate each generation; above 1.</summary>
    public double MutationRateFactor { get; init; } = 1.25;

    /// <summary>Population diversity (see <see cref="PopulationDiversity"/>) below which the rate is raised regardless of progress.</summary>
    public double DiversityFloor { get; init; } = 0.05;

    /// <summary>Every problem with these settings, named by HOCON key (empty when valid).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Require(bool ok, string problem)
        {
            if (!ok) problems.Add(problem);
        }
        static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        Require(PopulationSize >= 2, $"population-size is {PopulationSize}; it must be at least 2.");
        Require(EliteCount >= 0 && EliteCount < PopulationSize, $"elite-count is {EliteCount}; it must be in [0, population-size {PopulationSize}).");
        Require(TournamentSize >= 1, $"tournament-size is {TournamentSize}; it must be at least 1.");
        Require(CrossoverProbability is >= 0 and <= 1, $"crossover-probability is {F(CrossoverProbability)}; it must be in [0, 1].");
        Require(BlendAlpha is >= 0 and <= 10, $"blend-alpha is {F(BlendAlpha)}; it must be in [0, 10] (0.5 is usual).");
        Require(GaussianSigmaFraction is > 0 and <= 1, $"gaussian-sigma-fraction is {F(GaussianSigmaFraction)}; it must be in (0, 1].");
        Require(ResetProbability is >= 0 and <= 1, $"reset-probability is {F(ResetProbability)}; it must be in [0, 1].");
        Require(MutationRateMin is >= 0 and <= 1, $"mutation-rate-min is {F(MutationRateMin)}; it must be in [0, 1].");
        Require(MutationRateMax is >= 0 and <= 1, $"mutation-rate-max is {F(MutationRateMax)}; it must be in [0, 1].");
        Require(MutationRateMin <= MutationRateMax, $"mutation-rate-min {F(MutationRateMin)} is above mutation-rate-max {F(MutationRateMax)}.");
        Require(MutationRateInitial >= MutationRateMin && MutationRateInitial <= MutationRateMax,
            $"mutation-rate-initial is {F(MutationRateInitial)}; it must be in [mutation-rate-min {F(MutationRateMin)}, mutation-rate-max {F(MutationRateMax)}].");
        Require(MutationRateFactor is > 1 and <= 10, $"mutation-rate-factor is {F(MutationRateFactor)}; it must be in (1, 10].");
        Require(DiversityFloor is >= 0 and <= 1, $"diversity-floor is {F(DiversityFloor)}; it must be in [0, 1].");
        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem.</summary>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
            throw new ArgumentException($"Breeding settings are invalid: {string.Join(" ", problems)} Fix them under actortrader.research.breeding.");
    }
}
