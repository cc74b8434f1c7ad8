namespace ActorTrader.Trading.Sleeves.Definition;

/// <summary>
/// Natural selection with hierarchical threshold relaxation: <see cref="Levels"/> from strict to loose are tried in order
/// until at least <see cref="MinCandidates"/> candidates pass.
/// </summary>
public sealed record SelectionSettings(int MinCandidates, IReadOnlyList<SelectionLevel> Levels)
{
    public static SelectionSettings Default { get; } = new(3, [
        new SelectionLevel(0.5, 0.25, 10, 0.5),
        new SelectionLevel(0.0, 0.40, 5, 0.45),
        new SelectionLevel(-1.0, 0.80, 1, 0.0),
    ]);
}
