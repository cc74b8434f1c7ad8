using System.Globalization;
using System.Text;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Paper;

/// <summary>The paper account as canonical text: one line per item, invariant culture, UTC instants, stable order.</summary>
internal static class PaperStateDump
{
    public static string Write(PaperAccountState state, string accountId)
    {
        var ledger = state.Ledger.Snapshot();
        var text = new StringBuilder();
        Line(text, "account", accountId, PaperStateStore.KindText(state.Kind), $"cash={T(ledger.Cash)}", $"realised-pnl={T(ledger.RealisedPnl)}",
            $"fees={T(ledger.Fees)}", $"fills={T(ledger.FillCount)}", $"last-equity={T(state.LastEquity)}",
            $"last-equity-date={state.LastEquityDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}");
        Line(text, "sequences", $"order={T(state.OrderSequence)}", $"execution={T(state.ExecutionSequence)}", $"submission={T(state.SubmissionSequence)}",
            $"quote={T(state.QuoteSequence)}", $"close={T(state.CloseSequence)}");
        foreach (var p in ledger.Positions) Line(text, "position", p.Symbol.ToString(), T(p.Quantity), T(p.AverageCost));
        foreach (var (symbol, quote) in state.Marks) Line(text, "mark", symbol.ToString(), T(quote.Price), T(quote.Time), T(quote.Volume));
        foreach (var o in state.Orders)
        {
            Line(text, "order", o.BrokerOrderId, o.ClientOrderId, o.Symbol.ToString(), o.Side.ToWire(), o.Type.ToWire(), o.TimeInForce.ToWire(),
                T(o.Quantity), $"limit={T(o.LimitPrice)}", $"stop={T(o.StopPrice)}", o.Status.ToWire(), $"filled={T(o.FilledQuantity)}",
                $"notional={T(o.FilledNotional)}", $"commission={T(o.Commission)}", $"raw-commission={T(o.RawCommission)}",
                $"created={T(o.CreatedAt)}", $"updated={T(o.UpdatedAt)}", $"filled-at={T(o.FilledAt)}", $"expires={T(o.ExpiresAt)}",
                $"after-quote={T(o.AfterQuote)}", $"triggered={(o.StopTriggered ? "yes" : "no")}", $"replaces={o.Replaces ?? "-"}",
                $"replaced-by={o.ReplacedBy ?? "-"}", $"reason={o.Reason ?? "-"}");
        }
        foreach (var e in state.Executions)
        {
            Line(text, "execution", e.ExecutionId, e.BrokerOrderId, e.ClientOrderId, e.Symbol.ToString(), e.Side.ToWire(), T(e.Quantity), T(e.Price),
                $"commission={T(e.Commission)}", T(e.Time), $"position={T(e.PositionQuantity)}");
        }
        foreach (var s in state.Submissions)
        {
            Line(text, "submission", T(s.Sequence), s.ClientOrderId, s.Symbol.ToString(), s.Side.ToWire(), T(s.Quantity), s.Type.ToWire(),
                s.TimeInForce.ToWire(), T(s.Time), PaperStateStore.OutcomeText(s.Outcome), s.BrokerOrderId ?? "-", s.ReasonCode ?? "-");
        }
        return text.ToString();
    }

    private static void Line(StringBuilder text, params string[] fields) => text.Append(string.Join(' ', fields)).Append('\n');

    private static string T(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string T(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string T(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string T(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static string T(DateTimeOffset? value) => value is { } v ? T(v) : "-";
}
