using ActorTrader.Research.Fitness;

namespace ActorTrader.Research.Genetics;

/// <summary>A genome with the fitness it earned (the selection operators rank on <see cref="FitnessResult.Fitness"/>).</summary>
public sealed record ScoredGenome(Genome Genome, FitnessResult Result)
{
    public double Fitness => Result.Fitness;
}
