namespace ActorTrader.Trading.Risk.Actions;

/// <summary>Where the cancel of all open orders of an action is.</summary>
internal enum CancelStage
{
    /// <summary>The action cancels nothing.</summary>
    None,

    ToSend,

    /// <summary>Sent; the order manager has not answered.</summary>
    Sent,

    /// <summary>The broker did not take it: sent again at the next attempt.</summary>
    Failed,

    Done,
}
