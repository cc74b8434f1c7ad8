namespace ActorTrader.Trading.Day;

/// <summary>What a phase's work came to: its steps, the rebalance when it was one, and a line saying what it did.</summary>
internal sealed record PhaseOutcome(IReadOnlyList<StepOutcome> Steps, RebalanceReport? Rebalance = null, string? Done = null)
{
    public bool Succeeded => Steps.All(s => s.Succeeded);

    public string Detail => Succeeded
        ? Done ?? string.Join(", ", Steps.Select(s => s.Step)) + " done"
        : string.Join("; ", Steps.Where(s => !s.Succeeded).Select(s => s.Failure));

    public bool StepSucceeded(string step) => Steps.Any(s => s.Step == step && s.Succeeded);

    /// <summary>The work threw past its own steps (a bug in it): the phase failed with this.</summary>
    public static PhaseOutcome Crashed(Exception error) => new([StepOutcome.Failed("phase", error)]);
}
