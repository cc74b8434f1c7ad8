using System.Collections.Frozen;

namespace ActorTrader.Trading.Orders;

/// <summary>
/// The order state machine as data: every legal (state, event) pair and the state it leads to. A pair that is not
/// listed is illegal. Read it as a table; <see cref="OrderStateMachine"/> applies it.
/// </summary>
/// <remarks>
/// Rules behind the rows: before the broker confirmed an order (pending_submit, submit_unknown) every broker event is
/// legal — the broker is the authority on an order we have not seen acknowledged. Fills racing a cancel or replace leave
/// the order pending_cancel / pending_replace. A rejected cancel or replace returns the order to working
/// (<see cref="OrderTransitions.Working"/>: new, or partially_filled once it has fills) and changes nothing elsewhere,
/// terminal states included (a cancel that lost the race against the fill). A repeated terminal event is harmless.
/// </remarks>
public static class OrderTransitions
{
    /// <summary>Placeholder target: back to working — <c>new</c>, or <c>partially_filled</c> when the order has fills.</summary>
    public const string Working = "working";

    private static readonly OrderState[] AwaitingBroker = [OrderState.PendingSubmit, OrderState.SubmitUnknown];

    private static readonly OrderState[] Live =
    [
        OrderState.PendingNew, OrderState.Accepted, OrderState.New, OrderState.PartiallyFilled, OrderState.DoneForDay,
        OrderState.PendingCancel, OrderState.PendingReplace, OrderState.Stopped, OrderState.Suspended, OrderState.Calculated,
    ];

    private static readonly OrderState[] Terminal =
        [OrderState.Filled, OrderState.Canceled, OrderState.Expired, OrderState.Replaced, OrderState.Rejected];

    /// <summary>(from, event) → (to, back-to-working). Built once.</summary>
    internal static FrozenDictionary<(OrderState From, OrderEventKind Event), Target> Table { get; } = Build();

    /// <summary>Every legal transition, in table order: for documentation, the dashboard and tests.</summary>
    public static IReadOnlyList<(OrderState From, OrderEventKind Event, string To)> All { get; } =
        [.. Table.OrderBy(e => e.Key.From).ThenBy(e => e.Key.Event)
            .Select(e => (e.Key.From, e.Key.Event, e.Value.BackToWorking ? Working : e.Value.State.ToWire()))];

    internal readonly record struct Target(OrderState State, bool BackToWorking);

    private static FrozenDictionary<(OrderState, OrderEventKind), Target> Build()
    {
        var table = new Dictionary<(OrderState, OrderEventKind), Target>();
        void To(OrderEventKind evt, OrderState to, params OrderState[][] from)
        {
            foreach (var state in from.SelectMany(s => s)) table.Add((state, evt), new Target(to, false));
        }
        void Stay(OrderEventKind evt, params OrderState[][] from)
        {
            foreach (var state in from.SelectMany(s => s)) table.Add((state, evt), new Target(state, false));
        }
        void BackToWorking(OrderEventKind evt, params OrderState[][] from)
        {
            foreach (var state in from.SelectMany(s => s)) table.Add((state, evt), new Target(OrderState.New, true));
        }
        OrderState[] Only(params OrderState[] states) => states;

        // Local outcomes of the submit.
        To(OrderEventKind.SubmitUncertain, OrderState.SubmitUnknown, Only(OrderState.PendingSubmit));
        To(OrderEventKind.SubmitRejected, OrderState.Rejected, Only(OrderState.PendingSubmit));
        To(OrderEventKind.NotFoundAtBroker, OrderState.NeverAccepted, AwaitingBroker);

        // Acknowledgement.
        To(OrderEventKind.PendingNew, OrderState.PendingNew, AwaitingBroker, Only(OrderState.PendingNew));
        To(OrderEventKind.Accepted, OrderState.Accepted, AwaitingBroker, Only(OrderState.PendingNew, OrderState.Accepted));
        To(OrderEventKind.New, OrderState.New, AwaitingBroker,
            Only(OrderState.PendingNew, OrderState.Accepted, OrderState.New, OrderState.DoneForDay, OrderState.Suspended));

        // Fills.
        OrderState[] fillable =
        [
            OrderState.PendingNew, OrderState.Accepted, OrderState.New, OrderState.PartiallyFilled, OrderState.DoneForDay,
            OrderState.Stopped, OrderState.Calculated,
        ];
        To(OrderEventKind.PartialFill, OrderState.PartiallyFilled, AwaitingBroker, fillable);
        Stay(OrderEventKind.PartialFill, Only(OrderState.PendingCancel, OrderState.PendingReplace));
        To(OrderEventKind.Fill, OrderState.Filled, AwaitingBroker, fillable, Only(OrderState.PendingCancel, OrderState.PendingReplace));

        // Working-day and venue states.
        To(OrderEventKind.DoneForDay, OrderState.DoneForDay, AwaitingBroker,
            Only(OrderState.PendingNew, OrderState.Accepted, OrderState.New, OrderState.PartiallyFilled, OrderState.DoneForDay));
        To(OrderEventKind.PendingCancel, OrderState.PendingCancel, AwaitingBroker,
            Only(OrderState.PendingNew, OrderState.Accepted, OrderState.New, OrderState.PartiallyFilled, OrderState.DoneForDay,
                OrderState.PendingCancel, OrderState.Stopped, OrderState.Suspended, OrderState.Calculated));
        To(OrderEventKind.PendingReplace, OrderState.PendingReplace, AwaitingBroker,
            Only(OrderState.Accepted, OrderState.New, OrderState.PartiallyFilled, OrderState.DoneForDay, OrderState.PendingReplace));
        To(OrderEventKind.Stopped, OrderState.Stopped, AwaitingBroker,
            Only(OrderState.Accepted, OrderState.New, OrderState.PartiallyFilled, OrderState.Stopped));
        To(OrderEventKind.Suspended, OrderState.Suspended, AwaitingBroker,
            Only(OrderState.PendingNew, OrderState.Accepted, OrderState.New, OrderState.PartiallyFilled, OrderState.DoneForDay, OrderState.Suspended));
        To(OrderEventKind.Calculated, OrderState.Calculated, AwaitingBroker,
            Only(OrderState.New, OrderState.PartiallyFilled, OrderState.DoneForDay, OrderState.Calculated));
        // Settlement bookkeeping after the last fill: the order stays filled.
        Stay(OrderEventKind.Calculated, Only(OrderState.Filled));

        // Endings.
        To(OrderEventKind.Canceled, OrderState.Canceled, AwaitingBroker, Live, Only(OrderState.Canceled));
        To(OrderEventKind.Expired, OrderState.Expired, AwaitingBroker, Live, Only(OrderState.Expired));
        To(OrderEventKind.Replaced, OrderState.Replaced, AwaitingBroker,
            Only(OrderState.Accepted, OrderState.New, OrderState.PartiallyFilled, OrderState.DoneForDay, OrderState.PendingReplace, OrderState.Replaced));
        To(OrderEventKind.Rejected, OrderState.Rejected, AwaitingBroker,
            Only(OrderState.PendingNew, OrderState.Accepted, OrderState.New, OrderState.Rejected));

        // Rejected cancel / replace requests.
        BackToWorking(OrderEventKind.CancelRejected, AwaitingBroker, Only(OrderState.PendingCancel));
        Stay(OrderEventKind.CancelRejected, Live.Where(s => s != OrderState.PendingCancel).ToArray(), Terminal);
        BackToWorking(OrderEventKind.ReplaceRejected, AwaitingBroker, Only(OrderState.PendingReplace));
        Stay(OrderEventKind.ReplaceRejected, Live.Where(s => s != OrderState.PendingReplace).ToArray(), Terminal);

        return table.ToFrozenDictionary();
    }
}
