namespace ActorTrader.Trading.Risk.Actions;

/// <summary>Where one order of an automatic action is; see <see cref="PendingActionOrder"/>.</summary>
internal enum ActionOrderStage
{
    /// <summary>The position's previous stops are being cancelled; the order waits until none of them can work any more.</summary>
    Replacing,

    /// <summary>Ready to be sent to the order manager.</summary>
    ToSubmit,

    /// <summary>Sent; the order manager has not answered.</summary>
    Submitted,

    /// <summary>Journaled by the order manager; the broker has not acknowledged it yet.</summary>
    AtBroker,

    /// <summary>The order manager refused it (nothing journaled): sent again, same id, at the next attempt.</summary>
    Refused,

    /// <summary>The broker refused it or never had it: placed again under the next attempt's id.</summary>
    Rejected,

    /// <summary>The broker has it (or, for a cancel-only part, the previous stops are gone).</summary>
    Done,

    /// <summary>Not placed on purpose (a previous stop filled, so the position it was sized for changed).</summary>
    Skipped,
}
