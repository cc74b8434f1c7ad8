namespace ActorTrader.Research.Novelty;

/// <summary>
/// A <see cref="NoveltyArchive"/>'s persistent part, for the population's journal: its parameters and the archived
/// behaviours in archive order (the order decides ties in the replacement policy, so it is kept).
/// </summary>
public sealed record NoveltyArchiveState(int K, int Capacity, IReadOnlyList<IReadOnlyList<double>> Members);
