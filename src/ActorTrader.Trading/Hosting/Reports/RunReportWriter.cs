using System.Globalization;
using System.Text;
using ActorTrader.Backtest.Reports;
using ActorTrader.Data.Runs;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Host.Reports;

/// <summary>
/// Writes a trading run's report into <c>data/runs/&lt;RUN_ID&gt;/</c>: <c>summary.md</c> (the statistics, the positions at
/// the end, whether the ledger equals the broker), <c>portfolio_daily.csv</c>, <c>orders.csv</c>, <c>fills.csv</c>, a
/// tearsheet under <c>tearsheet/</c> (four days or more) and <c>INDEX.md</c>; <c>latest</c> points at the run. Every file
/// is replaced atomically and holds no wall-clock time: the same run gives the same bytes.
/// </summary>
public sealed class RunReportWriter(RunArtifacts artifacts, IMarketCalendar calendar)
{
    public const string SummaryFile = "summary.md";
    public const string DailyFile = "portfolio_daily.csv";
    public const string OrdersFile = "orders.csv";
    public const string FillsFile = "fills.csv";
    public const string TearsheetDirectory = "tearsheet";

    private static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SummaryFile] = "Trading run: statistics, positions at the end, ledger vs broker check.",
        [DailyFile] = "The ledger's portfolio_daily rows: NAV, cash, day P&L, realised P&L, fees, positions (CSV).",
        [OrdersFile] = "Every order of the run with its client order id, status and fills (CSV).",
        [FillsFile] = "Every execution booked by the ledger (CSV).",
        [$"{TearsheetDirectory}/{TearsheetWriter.SummaryFileName}"] = "Tearsheet statistics and monthly returns of the daily NAV (Markdown).",
    };

    private readonly RunArtifacts _artifacts = artifacts ?? throw new ArgumentNullException(nameof(artifacts));
    private readonly IMarketCalendar _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));

    /// <summary>Writes every file and returns the run directory.</summary>
    public string Write(RunReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var run = RunId.Parse(data.RunId);
        var directory = _artifacts.Create(run);
        var navs = data.Daily.Select(d => d.NetAssetValue).ToList();
        var stats = RunStatistics.Of(data.InitialCash, navs);
        Text(Path.Combine(directory, DailyFile), DailyCsv(data));
        Text(Path.Combine(directory, OrdersFile), OrdersCsv(data.Orders));
        Text(Path.Combine(directory, FillsFile), FillsCsv(data));
        if (data.Daily.Count >= TearsheetData.MinimumPeriods) WriteTearsheet(data, Path.Combine(directory, TearsheetDirectory));
        Text(Path.Combine(directory, SummaryFile), Summary(data, stats));
        new RunIndexWriter(Descriptions).Write(directory, new RunIndexHeader(data.Profile, data.RunId, run.StartedAt));
        return directory;
    }

    private void WriteTearsheet(RunReportData data, string directory)
    {
        var dates = data.Daily.Select(d => _calendar.SessionOn(d.Date)?.Close ?? _calendar.StartOfDayUtc(d.Date)).ToList();
        var returns = RunStatistics.Returns(data.InitialCash, [.. data.Daily.Select(d => d.NetAssetValue)]);
        var tearsheet = new TearsheetData($"Trading run {data.RunId} ({data.Mode})", data.RunId, data.Profile, dates, returns, 252)
        {
            TradeCount = data.Fills.Count,
            Notes = new SortedDictionary<string, string>(data.Notes.ToDictionary(), StringComparer.Ordinal)
            {
                ["broker"] = data.Broker,
                ["data"] = data.Source + (data.Synthetic ? " (synthetic)" : ""),
                ["mode"] = data.Mode,
            },
        };
        new TearsheetWriter().Write(tearsheet, directory);
    }

    private static string DailyCsv(RunReportData data)
    {
        var sb = new StringBuilder("date,nav,cash,day_pnl,realised_pnl,fees,positions\n");
        foreach (var d in data.Daily)
            sb.Append(Csv(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Money(d.NetAssetValue), Money(d.Cash), Money(d.DayPnl), Money(d.RealisedPnl), Money(d.Fees), Int(d.Positions)));
        return sb.ToString();
    }

    private static string OrdersCsv(IReadOnlyList<OrderView> orders)
    {
        var sb = new StringBuilder("client_order_id,broker_order_id,symbol,side,type,quantity,filled_quantity,average_fill_price,status,sleeve,rebalance_id,leg,adopted\n");
        foreach (var o in orders.OrderBy(o => o.RebalanceId, StringComparer.Ordinal).ThenBy(o => o.Symbol).ThenBy(o => o.ClientOrderId, StringComparer.Ordinal))
        {
            sb.Append(Csv(o.ClientOrderId, o.BrokerOrderId ?? "", o.Symbol.ToString(), o.Side.ToWire(), o.Type.ToWire(), Qty(o.Quantity), Qty(o.FilledQuantity),
                o.AverageFillPrice is { } p ? Price(p) : "", o.Status.ToWire(), o.Sleeve, o.RebalanceId, o.Leg, o.Adopted ? "true" : "false"));
        }
        return sb.ToString();
    }

    private static string FillsCsv(RunReportData data)
    {
        var sb = new StringBuilder("execution_id,client_order_id,symbol,side,quantity,price,commission,filled_at\n");
        foreach (var f in data.Fills.OrderBy(f => f.FilledAt).ThenBy(f => f.ExecutionId, StringComparer.Ordinal))
        {
            sb.Append(Csv(f.ExecutionId, f.ClientOrderId, f.Symbol, f.Side.ToWire(), Qty(f.Quantity), Price(f.Price), Money(f.Commission),
                f.FilledAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        }
        return sb.ToString();
    }

    private static string Summary(RunReportData data, RunStatistics stats)
    {
        var ledger = data.Ledger;
        var sb = new StringBuilder();
        sb.Append("# Trading run ").Append(data.RunId).Append("\n\n");
        var about = new MarkdownTable(["Field", "Value"]);
        about.AddRow("Mode", data.Mode);
        about.AddRow("Profile", data.Profile);
        about.AddRow("Broker", data.Broker);
        about.AddRow("Data", data.Source + (data.Synthetic ? " (synthetic: generated prices, for demonstration only)" : ""));
        if (data.Daily.Count > 0) about.AddRow("Days", string.Create(CultureInfo.InvariantCulture, $"{data.Daily.Count} ({data.Daily[0].Date:yyyy-MM-dd} to {data.Daily[^1].Date:yyyy-MM-dd})"));
        foreach (var (key, value) in data.Notes.OrderBy(kv => kv.Key, StringComparer.Ordinal)) about.AddRow(key, value);
        if (data.Dropped.Count > 0) about.AddRow("Left in cash (no prices in the data)", string.Join(", ", data.Dropped));
        sb.Append(about.Render()).Append('\n');

        sb.Append("## Statistics\n\n");
        var figures = new MarkdownTable(["Statistic", "Value"], [MarkdownAlignment.Left, MarkdownAlignment.Right]);
        figures.AddRow("Initial capital", Money(stats.StartNav));
        figures.AddRow("Final NAV", Money(stats.EndNav));
        figures.AddRow("Total return", Percent(stats.TotalReturn));
        figures.AddRow("Annualised return", Percent(stats.AnnualisedReturn));
        figures.AddRow("Annualised volatility", Percent(stats.AnnualisedVolatility));
        figures.AddRow("Sharpe (rf = 0)", stats.Sharpe.ToString("0.00", CultureInfo.InvariantCulture));
        figures.AddRow("Max drawdown", Percent(stats.MaxDrawdown));
        figures.AddRow("Orders", Int(data.Orders.Count));
        figures.AddRow("Orders filled", Int(data.Orders.Count(o => o.Status == OrderState.Filled)));
        figures.AddRow("Fills", Int(data.Fills.Count));
        figures.AddRow("Cash", Money(ledger.Cash));
        figures.AddRow("Realised P&L", Money(ledger.RealisedPnl));
        figures.AddRow("Unrealised P&L", Money(ledger.UnrealisedPnl));
        figures.AddRow("Fees", Money(ledger.Fees));
        figures.AddRow("Gross exposure", Money(ledger.GrossExposure));
        sb.Append(figures.Render()).Append('\n');

        sb.Append("## Positions at the end\n\n");
        var held = ledger.Positions.Where(p => p.Quantity != 0m).OrderBy(p => p.Symbol).ToList();
        if (held.Count == 0)
        {
            sb.Append("None: all cash.\n\n");
        }
        else
        {
            var positions = new MarkdownTable(["Symbol", "Quantity", "Average cost", "Mark", "Broker quantity"],
                [MarkdownAlignment.Left, MarkdownAlignment.Right, MarkdownAlignment.Right, MarkdownAlignment.Right, MarkdownAlignment.Right]);
            foreach (var p in held)
            {
                var mark = ledger.Marks.TryGetValue(p.Symbol, out var m) ? Price(m) : "";
                var broker = data.BrokerPositions?.FirstOrDefault(b => b.Symbol == p.Symbol)?.Quantity;
                positions.AddRow(p.Symbol.ToString(), Qty(p.Quantity), Price(p.AverageCost), mark, broker is { } q ? Qty(q) : "");
            }
            sb.Append(positions.Render()).Append('\n');
        }
        sb.Append("Ledger vs broker: ").Append(LedgerCheck(data)).Append("\n\n");
        sb.Append("Targets: each day's weights are decided at the previous close, point in time: the signals, the sleeves' strategy selection, ")
            .Append("leg weights and the meta-weights of a day are fitted on the data before it only.\n");
        return sb.ToString();
    }

    private static string LedgerCheck(RunReportData data)
    {
        if (data.BrokerPositions is not { } broker) return "not checked (the broker's positions could not be read)";
        var ledger = data.Ledger.Positions.Where(p => p.Quantity != 0m).ToDictionary(p => p.Symbol, p => p.Quantity);
        var brokers = broker.Where(p => p.Quantity != 0m).ToDictionary(p => p.Symbol, p => p.Quantity);
        var differences = ledger.Keys.Union(brokers.Keys).Order().Where(s => ledger.GetValueOrDefault(s) != brokers.GetValueOrDefault(s)).ToList();
        return differences.Count == 0
            ? $"positions equal ({Int(ledger.Count)} symbols)"
            : "DIFFERENT for " + string.Join(", ", differences.Select(s => $"{s} (ledger {Qty(ledger.GetValueOrDefault(s))}, broker {Qty(brokers.GetValueOrDefault(s))})"));
    }

    /// <summary>Written beside, flushed to disk, then renamed over the old file: a reader sees the old or the new file, never half.</summary>
    private static void Text(string path, string content)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".tmp");
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(Encoding.UTF8.GetBytes(content));
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }

    private static string Csv(params string[] cells) => string.Join(',', cells.Select(Escape)) + "\n";

    private static string Escape(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Price(decimal value) => value.ToString("0.0000####", CultureInfo.InvariantCulture);

    private static string Qty(decimal value) => value.ToString("0.#########", CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double fraction) => (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
