using System.Globalization;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Serialization;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Benchmarks.Orders;

/// <summary>
/// A long-running account's journal as the order manager and the ledger write it, without running them: per trading
/// day the pre-market reconciliation record, then each order's five events (submitted, accepted, filled, status filled,
/// booking confirmed, with at-least-once delivery ids 1, 2, 3, ...) and the ledger's booking of its fill, and the day's
/// portfolio_daily row. Orders come in buy/sell pairs of one symbol at one price and no commission, so the account ends
/// flat with its opening cash — what a fresh paper account reports, so reconciliation finds nothing to adopt.
/// </summary>
internal static class JournalHistory
{
    private static readonly Symbol[] Symbols = [.. new[] { "AAPL", "MSFT", "JPM", "XOM", "KO", "PG", "WMT", "HD", "UNH", "PFE" }.Select(t => Symbol.Parse("NYSE:" + t))];

    public static string OrdersId => OrderManagerActor.PersistenceIdPrefix + BenchAccount.AccountId;

    public static string LedgerId => LedgerActor.PersistenceIdOf(BenchAccount.AccountId);

    public static IReadOnlyList<PersistentRepr> Rows(EventSerializer serializer, int days, int ordersPerDay)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        if (ordersPerDay % 2 != 0) throw new ArgumentException("Orders come in buy/sell pairs; give an even number per day.", nameof(ordersPerDay));
        var rows = new List<PersistentRepr>(days * (ordersPerDay * 6 + 2) + 1);
        var writerId = Guid.NewGuid().ToString("N");
        long ordersSeq = 0, ledgerSeq = 0, deliveryId = 0, orderNumber = 0;
        var first = new DateOnly(2019, 1, 2);
        void Orders(object e, DateTimeOffset at) => rows.Add(Row(serializer, OrdersId, ++ordersSeq, e, at, writerId));
        void Ledger(object e, DateTimeOffset at) => rows.Add(Row(serializer, LedgerId, ++ledgerSeq, e, at, writerId));

        Ledger(new LedgerOpened(BenchAccount.AccountId, AccountKind.Margin, BenchAccount.InitialCash, At(first, 12, 0)), At(first, 12, 0));
        for (var day = 0; day < days; day++)
        {
            var date = first.AddDays(day);
            var rebalanceId = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T19:45Z";
            Orders(new OrderReconciliationRecorded($"{BenchAccount.AccountId}-{day}", 0, 0, 0, 0, 0, [], At(date, 12, 0)), At(date, 12, 0));
            for (var k = 0; k < ordersPerDay; k++)
            {
                var pair = day * ordersPerDay / 2 + k / 2;
                var symbol = Symbols[pair % Symbols.Length];
                var side = k % 2 == 0 ? OrderSide.Buy : OrderSide.Sell;
                var quantity = 1m + pair % 50;
                var price = 100m + pair % 37 + 0.25m;
                var intent = new OrderIntent(BenchAccount.AccountId, "core", rebalanceId, symbol, side, quantity, "pair-" + (k / 2).ToString(CultureInfo.InvariantCulture), price,
                    Reason: $"rebalance {rebalanceId}");
                var id = intent.ClientOrderId;
                var n = (++orderNumber).ToString(CultureInfo.InvariantCulture);
                var submitted = At(date, 19, 45);
                var filledAt = At(date, 20, 0);
                Orders(OrderSubmitted.From(intent, submitted), submitted);
                Orders(new OrderAccepted(id, "paper-" + n, OrderEventKind.New, OrderState.New, OrderEvents.FromSubmit, submitted), submitted);
                Orders(new OrderFilled(id, "paper-fill-" + n, quantity, price, 0m, filledAt, OrderEvents.FromStream, Synthetic: false), filledAt);
                Orders(new OrderStatusChanged(id, OrderEventKind.Fill, OrderState.Filled, OrderEvents.FromStream, filledAt), filledAt);
                Ledger(new LedgerFillBooked("paper-fill-" + n, id, symbol.ToString(), side, quantity, price, 0m, filledAt, filledAt), filledAt);
                Orders(new FillBookingConfirmed("paper-fill-" + n, ++deliveryId), filledAt);
            }
            var close = At(date, 20, 15);
            Ledger(new PortfolioDailyRecorded(date, BenchAccount.InitialCash, BenchAccount.InitialCash, 0m, 0m, 0m, 0m, 0m, 0m, 0, 0, close), close);
        }
        return rows;
    }

    private static DateTimeOffset At(DateOnly date, int hour, int minute) => new(date.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);

    private static PersistentRepr Row(EventSerializer serializer, string persistenceId, long sequenceNr, object @event, DateTimeOffset at, string writerId)
    {
        var payload = serializer.Serialize(@event, persistenceId, sequenceNr);
        return new PersistentRepr(persistenceId, sequenceNr, payload.Manifest, payload.Bytes, at, [], writerId);
    }
}
