using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Tests.Orders;

/// <summary>The transition table, checked pair by pair against the specification written out below.</summary>
public sealed class OrderStateMachineTests
{
    // Every legal (state, event) -> state. Any pair not listed must be refused. "working" = new, or partially_filled with fills.
    private const string Specification = """
        pending_submit: submit_uncertain>submit_unknown submit_rejected>rejected not_found_at_broker>never_accepted pending_new>pending_new accepted>accepted new>new partial_fill>partially_filled fill>filled done_for_day>done_for_day canceled>canceled expired>expired replaced>replaced rejected>rejected pending_cancel>pending_cancel pending_replace>pending_replace stopped>stopped suspended>suspended calculated>calculated cancel_rejected>working replace_rejected>working
        submit_unknown: not_found_at_broker>never_accepted pending_new>pending_new accepted>accepted new>new partial_fill>partially_filled fill>filled done_for_day>done_for_day canceled>canceled expired>expired replaced>replaced rejected>rejected pending_cancel>pending_cancel pending_replace>pending_replace stopped>stopped suspended>suspended calculated>calculated cancel_rejected>working replace_rejected>working
        pending_new: pending_new>pending_new accepted>accepted new>new partial_fill>partially_filled fill>filled done_for_day>done_for_day canceled>canceled expired>expired rejected>rejected pending_cancel>pending_cancel suspended>suspended cancel_rejected>pending_new replace_rejected>pending_new
        accepted: accepted>accepted new>new partial_fill>partially_filled fill>filled done_for_day>done_for_day canceled>canceled expired>expired replaced>replaced rejected>rejected pending_cancel>pending_cancel pending_replace>pending_replace stopped>stopped suspended>suspended cancel_rejected>accepted replace_rejected>accepted
        new: new>new partial_fill>partially_filled fill>filled done_for_day>done_for_day canceled>canceled expired>expired replaced>replaced rejected>rejected pending_cancel>pending_cancel pending_replace>pending_replace stopped>stopped suspended>suspended calculated>calculated cancel_rejected>new replace_rejected>new
        partially_filled: partial_fill>partially_filled fill>filled done_for_day>done_for_day canceled>canceled expired>expired replaced>replaced pending_cancel>pending_cancel pending_replace>pending_replace stopped>stopped suspended>suspended calculated>calculated cancel_rejected>partially_filled replace_rejected>partially_filled
        done_for_day: new>new partial_fill>partially_filled fill>filled done_for_day>done_for_day canceled>canceled expired>expired replaced>replaced pending_cancel>pending_cancel pending_replace>pending_replace suspended>suspended calculated>calculated cancel_rejected>done_for_day replace_rejected>done_for_day
        pending_cancel: partial_fill>pending_cancel fill>filled canceled>canceled expired>expired pending_cancel>pending_cancel cancel_rejected>working replace_rejected>pending_cancel
        pending_replace: partial_fill>pending_replace fill>filled canceled>canceled expired>expired replaced>replaced pending_replace>pending_replace cancel_rejected>pending_replace replace_rejected>working
        stopped: partial_fill>partially_filled fill>filled canceled>canceled expired>expired pending_cancel>pending_cancel stopped>stopped cancel_rejected>stopped replace_rejected>stopped
        suspended: new>new canceled>canceled expired>expired pending_cancel>pending_cancel suspended>suspended cancel_rejected>suspended replace_rejected>suspended
        calculated: partial_fill>partially_filled fill>filled canceled>canceled expired>expired pending_cancel>pending_cancel calculated>calculated cancel_rejected>calculated replace_rejected>calculated
        filled: calculated>filled cancel_rejected>filled replace_rejected>filled
        canceled: canceled>canceled cancel_rejected>canceled replace_rejected>canceled
        expired: expired>expired cancel_rejected>expired replace_rejected>expired
        replaced: replaced>replaced cancel_rejected>replaced replace_rejected>replaced
        rejected: rejected>rejected cancel_rejected>rejected replace_rejected>rejected
        never_accepted:
        """;

    private static readonly OrderState[] States = Enum.GetValues<OrderState>();
    private static readonly OrderEventKind[] Events = Enum.GetValues<OrderEventKind>();

    private static Dictionary<(OrderState, OrderEventKind), string> Expected()
    {
        var states = States.ToDictionary(s => s.ToWire());
        var events = Events.ToDictionary(e => e.ToWire());
        var expected = new Dictionary<(OrderState, OrderEventKind), string>();
        foreach (var line in Specification.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var from = states[line[..colon]];
            foreach (var pair in line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = pair.Split('>');
                expected.Add((from, events[parts[0]]), parts[1]);
            }
        }
        return expected;
    }

    [Fact]
    public void The_specification_names_every_state()
    {
        var named = Specification.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]);

        Assert.Equal(States.Select(s => s.ToWire()).Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_pair_of_state_and_event_is_legal_exactly_when_the_specification_lists_it()
    {
        var expected = Expected();
        var mismatches = new List<string>();
        foreach (var from in States)
        {
            foreach (var evt in Events)
            {
                var listed = expected.TryGetValue((from, evt), out var to);
                if (OrderStateMachine.IsLegal(from, evt) != listed) mismatches.Add($"{from.ToWire()} x {evt.ToWire()}: table says {(listed ? "illegal" : "legal")}, specification says {(listed ? "legal" : "illegal")}");
            }
        }
        Assert.Empty(mismatches);
    }

    [Fact]
    public void Every_legal_transition_leads_where_the_specification_says()
    {
        var expected = Expected();

        var actual = OrderTransitions.All.ToDictionary(t => (t.From, t.Event), t => t.To);

        Assert.Equal(expected.OrderBy(e => e.Key).ToList(), actual.OrderBy(e => e.Key).ToList());
    }

    [Fact]
    public void Every_illegal_pair_throws_an_error_naming_the_order_the_state_and_the_event()
    {
        foreach (var from in States)
        {
            foreach (var evt in Events.Where(e => !OrderStateMachine.IsLegal(from, e)))
            {
                var error = Assert.Throws<IllegalOrderTransitionException>(() => OrderStateMachine.Next("at-123", from, evt, hasFills: false));
                Assert.Equal(("at-123", from, evt), (error.ClientOrderId, error.From, error.Event));
                Assert.Contains("at-123", error.Message, StringComparison.Ordinal);
                Assert.Contains(from.ToWire(), error.Message, StringComparison.Ordinal);
                Assert.Contains(evt.ToWire(), error.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_filled_order_cannot_fill_again()
    {
        Assert.Throws<IllegalOrderTransitionException>(() => OrderStateMachine.Next("at-1", OrderState.Filled, OrderEventKind.Fill, hasFills: true));
    }

    [Fact]
    public void A_rejected_cancel_returns_the_order_to_new_without_fills_and_to_partially_filled_with_fills()
    {
        Assert.Equal(OrderState.New, OrderStateMachine.Next("at-1", OrderState.PendingCancel, OrderEventKind.CancelRejected, hasFills: false));
        Assert.Equal(OrderState.PartiallyFilled, OrderStateMachine.Next("at-1", OrderState.PendingCancel, OrderEventKind.CancelRejected, hasFills: true));
    }

    [Fact]
    public void Before_the_broker_acknowledged_an_order_any_broker_status_is_adopted_as_it_is()
    {
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            foreach (var awaiting in new[] { OrderState.PendingSubmit, OrderState.SubmitUnknown })
            {
                var hasFills = status is OrderStatus.PartiallyFilled or OrderStatus.Filled;
                Assert.Equal(OrderStateExtensions.FromBroker(status), OrderStateMachine.Next("at-1", awaiting, OrderEventKinds.From(status), hasFills));
            }
        }
    }

    [Fact]
    public void Every_trade_update_event_is_an_order_event_of_the_same_name()
    {
        foreach (var update in Enum.GetValues<TradeUpdateEvent>())
        {
            var name = OrderEventKinds.From(update).ToWire();
            var expected = update switch
            {
                TradeUpdateEvent.OrderCancelRejected => "cancel_rejected",
                TradeUpdateEvent.OrderReplaceRejected => "replace_rejected",
                _ => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(update.ToString()),
            };
            Assert.Equal(expected, name);
        }
    }

    [Fact]
    public void The_final_states_are_those_of_the_domain_plus_never_accepted()
    {
        var final = States.Where(s => s.IsTerminal()).ToHashSet();
        var domainFinal = Enum.GetValues<OrderStatus>().Where(s => s.IsTerminal()).Select(OrderStateExtensions.FromBroker).Append(OrderState.NeverAccepted).ToHashSet();

        Assert.Equal(domainFinal.Order(), final.Order());
    }
}
