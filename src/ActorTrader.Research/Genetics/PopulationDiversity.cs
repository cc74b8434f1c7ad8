using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Genetics;

/// <summary>How spread out a population is in parameter space: the input of <see cref="AdaptiveMutation"/>.</summary>
public static class PopulationDiversity
{
    /// <summary>
    /// Mean over parameters (those with a non-empty range) of the population standard deviation of the values scaled
    /// to [0, 1] by the parameter's range. 0 when every genome is equal; about 0.29 for a uniform population; at most 0.5.
    /// Fewer than two genomes give 0.
    /// </summary>
    public static double Of(IReadOnlyList<Genome> genomes, ParameterSpace space)
    {
        ArgumentNullException.ThrowIfNull(genomes);
        ArgumentNullException.ThrowIfNull(space);
        if (genomes.Count < 2) return 0;
        var sum = 0.0;
        var counted = 0;
        foreach (var range in space.Ranges)
        {
            var width = range.Max - range.Min;
            if (width <= 0) continue;
            var mean = 0.0;
            foreach (var g in genomes) mean += (g.Parameters[range.Name] - range.Min) / width;
            mean /= genomes.Count;
            var variance = 0.0;
            foreach (var g in genomes)
            {
                var d = (g.Parameters[range.Name] - range.Min) / width - mean;
                variance += d * d;
            }
            sum += Math.Sqrt(variance / genomes.Count);
            counted++;
        }
        return counted == 0 ? 0 : sum / counted;
    }
}
