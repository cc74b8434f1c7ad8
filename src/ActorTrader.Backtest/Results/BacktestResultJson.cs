using System.Text;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Backtest.Results;

/// <summary>
/// A whole run as JSON, for artifacts and the determinism check: statistics, then per bar (time, return, equity,
/// turnover, trades), then orders and fills in the order they happened. Fixed key order, invariant formats, "\n" line
/// ends: equal runs give equal bytes.
/// </summary>
public static class BacktestResultJson
{
    public static string Write(BacktestResult result, BacktestStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(statistics);
        var b = new StringBuilder();
        b.Append("{\n  \"simulator\": ").Append(JsonText.String(result.Simulator)).Append(",\n");
        b.Append("  \"statistics\": ").Append(BacktestStatisticsJson.Write(statistics)).Append(",\n");
        b.Append("  \"initial_cash\": ").Append(JsonText.Number(result.InitialCash)).Append(",\n");
        b.Append("  \"symbols\": [").AppendJoin(", ", result.Symbols.Select(s => JsonText.String(s.ToString()))).Append("],\n");
        b.Append("  \"bars\": [");
        for (var t = 0; t < result.Times.Count; t++)
        {
            b.Append(t == 0 ? "\n" : ",\n")
                .Append("    {\"time\": ").Append(JsonText.Time(result.Times[t]))
                .Append(", \"return\": ").Append(JsonText.Number(result.Returns[t]))
                .Append(", \"equity\": ").Append(JsonText.Number(result.Equity[t]))
                .Append(", \"turnover\": ").Append(JsonText.Number(result.Turnover[t]))
                .Append(", \"trades\": ").Append(JsonText.Number(result.TradesByBar[t]))
                .Append('}');
        }
        b.Append("\n  ],\n  \"orders\": [");
        for (var i = 0; i < result.Orders.Count; i++)
        {
            var o = result.Orders[i];
            b.Append(i == 0 ? "\n" : ",\n")
                .Append("    {\"client_order_id\": ").Append(JsonText.String(o.Request.ClientOrderId))
                .Append(", \"decided\": ").Append(JsonText.Time(o.DecisionTime))
                .Append(", \"symbol\": ").Append(JsonText.String(o.Request.Symbol.ToString()))
                .Append(", \"side\": ").Append(JsonText.String(o.Request.Side.ToWire()))
                .Append(", \"qty\": ").Append(JsonText.Number(o.Request.Quantity))
                .Append(", \"status\": ").Append(JsonText.String(o.Status.ToWire()))
                .Append(", \"filled_qty\": ").Append(JsonText.Number(o.FilledQuantity))
                .Append(", \"filled_avg_price\": ").Append(JsonText.Number(o.AveragePrice))
                .Append(", \"commission\": ").Append(JsonText.Number(o.Commission))
                .Append(", \"reason\": ").Append(JsonText.String(o.Reason))
                .Append('}');
        }
        b.Append("\n  ],\n  \"fills\": [");
        for (var i = 0; i < result.Fills.Count; i++)
        {
            var f = result.Fills[i];
            b.Append(i == 0 ? "\n" : ",\n")
                .Append("    {\"client_order_id\": ").Append(JsonText.String(f.ClientOrderId))
                .Append(", \"time\": ").Append(JsonText.Time(f.Time))
                .Append(", \"symbol\": ").Append(JsonText.String(f.Symbol.ToString()))
                .Append(", \"side\": ").Append(JsonText.String(f.Side.ToWire()))
                .Append(", \"qty\": ").Append(JsonText.Number(f.Quantity))
                .Append(", \"price\": ").Append(JsonText.Number(f.Price))
                .Append(", \"commission\": ").Append(JsonText.Number(f.Commission))
                .Append('}');
        }
        b.Append("\n  ]\n}\n");
        return b.ToString();
    }
}
