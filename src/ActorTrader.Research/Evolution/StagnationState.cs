namespace ActorTrader.Research.Evolution;

/// <summary>
/// Everything a <see cref="StagnationMonitor"/> remembers, for the population's journal. Plain values, so any serializer
/// round-trips it; <see cref="StagnationMonitor.FromState"/> continues exactly where it stood.
/// </summary>
/// <param name="LastGeneration">The last generation observed; −1 before the first observation.</param>
/// <param name="BestFitness">The best fitness seen so far (0 and meaningless before the first observation; finite, so JSON carries it).</param>
/// <param name="BestGeneration">The generation that set <paramref name="BestFitness"/>.</param>
/// <param name="FlatSince">The generation flat generations are counted from: the last improvement or the last restart.</param>
/// <param name="Injected">Whether diversity was already injected in the current flat stretch.</param>
public sealed record StagnationState(int LastGeneration, double BestFitness, int BestGeneration, int FlatSince, bool Injected)
{
    /// <summary>The state of a monitor that has seen nothing.</summary>
    public static StagnationState Initial { get; } = new(-1, 0, -1, -1, false);
}
