using System.CommandLine;
using ActorTrader.Cli.Backtesting;
using ActorTrader.Trading.Panels;

namespace ActorTrader.Cli.Commands;

/// <summary>
/// <c>actortrader backtest --strategy NAME | --sleeve NAME [--engine E] [--from D] [--to D] [--walk-forward]
/// [--simulator S] [--rebalance R] [--symbols A,B] [--source S] [--json]</c>. The logic is <see cref="BacktestRunner"/>.
/// </summary>
internal static class BacktestCommand
{
    public static Command Create(CliContext context)
    {
        var strategy = new Option<string?>("--strategy") { Description = "Backtest this strategy with its configured parameters (see `actortrader strategies`)." };
        var sleeve = new Option<string?>("--sleeve") { Description = "Run this sleeve's pipeline (a file in actortrader.sleeves.dir), then backtest its weights." };
        var engine = new Option<string?>("--engine") { Description = "Optimiser that re-optimises the strategy's picks at each rebalance (or becomes the sleeve's primary engine): hrp, min-vol, erc, ..." };
        var from = new Option<string?>("--from") { Description = "First day, yyyy-MM-dd (UTC, included; default: the last 756 daily bars before --to)." };
        var to = new Option<string?>("--to") { Description = "Last day, yyyy-MM-dd (UTC, included; default 2019-12-31 for daily strategies, or the sleeve's window)." };
        var walkForward = new Option<bool>("--walk-forward") { Description = "Rolling train/test windows (actortrader.backtest.walk-forward): the configured parameters and seeded alternatives, chosen by train Sharpe." };
        var simulator = new Option<string?>("--simulator") { Description = "vectorised or event-driven (default: actortrader.backtest.simulator)." };
        simulator.AcceptOnlyFromAmong("vectorised", "vectorized", "event-driven");
        var rebalance = new Option<string?>("--rebalance") { Description = "daily, weekly, monthly, once or every-N-bars (default: actortrader.backtest.rebalance)." };
        var symbols = new Option<string[]>("--symbols")
        {
            Description = "Symbols as EXCHANGE:TICKER, comma-separated (default: the bundled samples' tickers; 5 large caps for minute strategies).",
            AllowMultipleArgumentsPerToken = true,
        };
        var source = new Option<string?>("--source") { Description = "auto (lakehouse, else bundled samples, else synthetic), lakehouse, csv or synthetic." };
        source.AcceptOnlyFromAmong([.. PanelSourceNames.All]);
        var json = new Option<bool>("--json") { Description = "Print only {\"run_id\", \"total_return\", \"cagr\", \"sharpe\", \"sortino\", \"max_drawdown\", \"trades\", \"turnover\", \"final_equity\"}." };
        var command = new Command("backtest", "Backtest a strategy or a sleeve on the embedded default data (or the data options); writes data/runs/<RUN_ID>/ with a tearsheet and INDEX.md.")
        {
            strategy, sleeve, engine, from, to, walkForward, simulator, rebalance, symbols, source, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var data = new DataOptions(
                OptionParsing.Date(parse.GetValue(from), "--from"),
                OptionParsing.Date(parse.GetValue(to), "--to"),
                OptionParsing.Symbols(parse.GetValue(symbols)),
                OptionParsing.Source(parse.GetValue(source)));
            var options = new BacktestOptions(
                parse.GetValue(strategy),
                parse.GetValue(sleeve),
                parse.GetValue(engine),
                parse.GetValue(walkForward),
                OptionParsing.Simulator(parse.GetValue(simulator)),
                OptionParsing.Rebalance(parse.GetValue(rebalance)),
                data,
                parse.GetValue(json));
            return new BacktestRunner(context, TimeProvider.System).RunAsync(parse.GetValue(context.ConfigOption), options, cancellationToken);
        });
        return command;
    }
}
