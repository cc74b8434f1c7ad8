using ActorTrader.Research.Randomness;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Genetics;

/// <summary>
/// The genetic operators on parameter sets, one gene kind at a time: uniform sampling, tournament selection, BLX-α and
/// uniform crossover, Gaussian and reset mutation. Pure functions of their inputs and the generator's state; every value
/// they return lies inside its <see cref="ParameterRange"/> (clamped, and rounded for whole numbers, flags and choices).
/// Genes are visited in the space's declared order so the random draws, and therefore the results, are reproducible.
/// </summary>
public static class GeneticOperators
{
    /// <summary>A uniform value of <paramref name="range"/>: real in [min, max], otherwise a uniform whole number (flag, choice index).</summary>
    public static double RandomValue(ParameterRange range, ResearchRandom rng)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(rng);
        if (range.Kind == ParameterKind.Real) return range.Clamp(range.Min + rng.NextDouble() * (range.Max - range.Min));
        var lo = Math.Ceiling(range.Min);
        var span = Math.Floor(range.Max) - lo;
        var offset = span < int.MaxValue ? rng.NextInt((int)span + 1) : Math.Floor(rng.NextDouble() * (span + 1));
        return range.Clamp(lo + offset);
    }

    /// <summary>Every parameter of <paramref name="space"/> drawn by <see cref="RandomValue"/>.</summary>
    public static ParameterSet RandomSet(ParameterSpace space, ResearchRandom rng)
    {
        ArgumentNullException.ThrowIfNull(space);
        var values = new List<KeyValuePair<string, double>>(space.Ranges.Count);
        foreach (var range in space.Ranges) values.Add(KeyValuePair.Create(range.Name, RandomValue(range, rng)));
        return new ParameterSet(values);
    }

    /// <summary>
    /// Index of the winner of a tournament of <paramref name="size"/> contestants drawn uniformly with replacement:
    /// the highest fitness wins (NaN counts as lowest); on a tie the lower index wins, so callers rank ties beforehand.
    /// </summary>
    public static int Tournament(IReadOnlyList<double> fitness, int size, ResearchRandom rng)
    {
        ArgumentNullException.ThrowIfNull(fitness);
        ArgumentNullException.ThrowIfNull(rng);
        if (fitness.Count == 0) throw new ArgumentException("A tournament needs at least one contestant.", nameof(fitness));
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var best = rng.NextInt(fitness.Count);
        for (var i = 1; i < size; i++)
        {
            var challenger = rng.NextInt(fitness.Count);
            var c = Rank(fitness[challenger]);
            var b = Rank(fitness[best]);
            if (c > b || (c == b && challenger < best)) best = challenger;
        }
        return best;
    }

    /// <summary>
    /// Two children of <paramref name="a"/> and <paramref name="b"/>: each real gene drawn independently by BLX-α from
    /// [lo − α·d, hi + α·d] (d = hi − lo), clamped; every other gene swapped between the children with probability ½.
    /// </summary>
    public static (ParameterSet First, ParameterSet Second) Crossover(ParameterSet a, ParameterSet b, ParameterSpace space, double blendAlpha, ResearchRandom rng)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(rng);
        if (!(blendAlpha >= 0) || !double.IsFinite(blendAlpha)) throw new ArgumentOutOfRangeException(nameof(blendAlpha), blendAlpha, "blend alpha must be a finite number ≥ 0.");
        var first = new List<KeyValuePair<string, double>>(space.Ranges.Count);
        var second = new List<KeyValuePair<string, double>>(space.Ranges.Count);
        foreach (var range in space.Ranges)
        {
            var x = a[range.Name];
            var y = b[range.Name];
            double c1, c2;
            if (range.Kind == ParameterKind.Real)
            {
                var lo = Math.Min(x, y);
                var hi = Math.Max(x, y);
                var reach = blendAlpha * (hi - lo);
                c1 = range.Clamp(lo - reach + rng.NextDouble() * (hi - lo + 2 * reach));
                c2 = range.Clamp(lo - reach + rng.NextDouble() * (hi - lo + 2 * reach));
            }
            else
            {
                (c1, c2) = rng.NextDouble() < 0.5 ? (y, x) : (x, y);
            }
            first.Add(KeyValuePair.Create(range.Name, c1));
            second.Add(KeyValuePair.Create(range.Name, c2));
        }
        return (new ParameterSet(first), new ParameterSet(second));
    }

    /// <summary>
    /// <paramref name="set"/> with each gene mutated with probability <paramref name="rate"/>: reset to a uniform value with
    /// probability <paramref name="resetProbability"/>, otherwise nudged — a real by N(0, σ·range), a whole number by the
    /// rounded nudge but at least one step, a flag flipped, a choice moved to another choice (choices have no order).
    /// </summary>
    public static ParameterSet Mutate(ParameterSet set, ParameterSpace space, double rate, double sigmaFraction, double resetProbability, ResearchRandom rng)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(rng);
        CheckProbability(rate, nameof(rate));
        CheckProbability(resetProbability, nameof(resetProbability));
        if (!(sigmaFraction > 0) || !double.IsFinite(sigmaFraction)) throw new ArgumentOutOfRangeException(nameof(sigmaFraction), sigmaFraction, "sigma fraction must be a finite number > 0.");
        var values = new List<KeyValuePair<string, double>>(space.Ranges.Count);
        foreach (var range in space.Ranges)
        {
            var value = set[range.Name];
            if (rng.NextDouble() < rate)
                value = rng.NextDouble() < resetProbability ? RandomValue(range, rng) : Nudge(range, value, sigmaFraction, rng);
            values.Add(KeyValuePair.Create(range.Name, value));
        }
        return new ParameterSet(values);
    }

    private static double Nudge(ParameterRange range, double value, double sigmaFraction, ResearchRandom rng)
    {
        var width = range.Max - range.Min;
        switch (range.Kind)
        {
            case ParameterKind.Real:
                return range.Clamp(value + rng.NextGaussian() * sigmaFraction * width);
            case ParameterKind.Whole:
            {
                var z = rng.NextGaussian();
                var step = Math.Round(z * sigmaFraction * width, MidpointRounding.AwayFromZero);
                // A nudge that rounds to nothing would make whole-number mutation a no-op on narrow ranges.
                if (step == 0) step = z < 0 ? -1 : 1;
                var moved = range.Clamp(value + step);
                return moved != value ? moved : range.Clamp(value - step);
            }
            case ParameterKind.Boolean:
                return value == 0 ? 1 : 0;
            default:
            {
                var count = (int)(range.Max - range.Min) + 1;
                if (count < 2) return value;
                var other = range.Min + rng.NextInt(count - 1);
                return other >= value ? other + 1 : other;
            }
        }
    }

    private static double Rank(double fitness) => double.IsNaN(fitness) ? double.NegativeInfinity : fitness;

    private static void CheckProbability(double p, string name)
    {
        if (!(p is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(name, p, $"{name} is a probability in [0, 1].");
    }
}
