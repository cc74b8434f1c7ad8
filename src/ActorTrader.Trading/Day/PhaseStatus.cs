namespace ActorTrader.Trading.Day;

/// <summary>How a phase ended.</summary>
public enum PhaseStatus
{
    Completed,

    /// <summary>Its work (or part of it) failed; the report says which step and why.</summary>
    Failed,

    /// <summary>It did not run: missed, after the close, or refused (e.g. a rebalance without a successful reconciliation).</summary>
    Skipped,
}
