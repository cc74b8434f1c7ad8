using ActorTrader.Research.Fitness;

namespace ActorTrader.Research.Novelty;

/// <summary>
/// The selection score of a population mixing fitness and novelty. Raw fitness (a Sharpe-like number, with
/// <see cref="FitnessResult.WorstFitness"/> for failures) and novelty (a distance in behaviour units) have unrelated
/// scales, and a single failure at −1e9 would crush a min-max normalisation, so both are replaced by their percentile
/// ranks in the population (0 = lowest, 1 = highest, ties share their mean rank) before mixing:
/// score = (1 − w)·rank(fitness) + w·rank(novelty). The result orders the population; it is not a fitness value.
/// Failed genomes (fitness at or below the worst, or NaN) keep <see cref="FitnessResult.WorstFitness"/> so no amount of
/// novelty lets them breed, and they take no part in the ranking of the others.
/// </summary>
public static class NoveltyBlend
{
    public const double DefaultWeight = 0.3;

    /// <summary>Selection scores of a population: percentile ranks of fitness and novelty mixed with <paramref name="weight"/>.</summary>
    public static IReadOnlyList<double> Combine(IReadOnlyList<double> fitness, IReadOnlyList<double> novelty, double weight = DefaultWeight)
    {
        ArgumentNullException.ThrowIfNull(fitness);
        ArgumentNullException.ThrowIfNull(novelty);
        CheckWeight(weight);
        if (fitness.Count != novelty.Count)
            throw new ArgumentException($"{fitness.Count} fitness values but {novelty.Count} novelty scores; pass one of each per genome.", nameof(novelty));
        var valid = Enumerable.Range(0, fitness.Count).Where(i => !(double.IsNaN(fitness[i]) || fitness[i] <= FitnessResult.WorstFitness)).ToArray();
        var fitnessRanks = PercentileRanks([.. valid.Select(i => fitness[i])]);
        var noveltyRanks = PercentileRanks([.. valid.Select(i => double.IsNaN(novelty[i]) ? 0 : novelty[i])]);
        var scores = Enumerable.Repeat(FitnessResult.WorstFitness, fitness.Count).ToArray();
        for (var v = 0; v < valid.Length; v++) scores[valid[v]] = Combine(fitnessRanks[v], noveltyRanks[v], weight);
        return scores;
    }

    /// <summary>(1 − w)·fitness + w·novelty for values already on a common scale, such as percentile ranks in [0, 1].</summary>
    public static double Combine(double fitness, double novelty, double weight = DefaultWeight)
    {
        CheckWeight(weight);
        return (1 - weight) * fitness + weight * novelty;
    }

    /// <summary>
    /// Percentile rank of each value: (average 1-based rank − 1)/(n − 1), so the lowest is 0 and the highest 1; a single
    /// value ranks 1. NaN ranks lowest.
    /// </summary>
    public static double[] PercentileRanks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.Count;
        var ranks = new double[n];
        if (n == 0) return ranks;
        if (n == 1) { ranks[0] = 1; return ranks; }
        var order = Enumerable.Range(0, n).OrderBy(i => double.IsNaN(values[i]) ? double.NegativeInfinity : values[i]).ThenBy(i => i).ToArray();
        double Key(int i) => double.IsNaN(values[i]) ? double.NegativeInfinity : values[i];
        var start = 0;
        while (start < n)
        {
            var end = start;
            while (end + 1 < n && Key(order[end + 1]) == Key(order[start])) end++;
            var mean = (start + end) / 2.0;
            for (var j = start; j <= end; j++) ranks[order[j]] = mean / (n - 1);
            start = end + 1;
        }
        return ranks;
    }

    private static void CheckWeight(double weight)
    {
        if (!(weight is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(weight), weight, "The novelty weight is a share in [0, 1].");
    }
}
