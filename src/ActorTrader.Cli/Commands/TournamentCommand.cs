using System.CommandLine;
using ActorTrader.Cli.Backtesting;
using ActorTrader.Trading.Panels;

namespace ActorTrader.Cli.Commands;

/// <summary>
/// <c>actortrader tournament [--strategies a,b] [--engines x,y] [--from D] [--to D] [--symbols A,B] [--source S]
/// [--rebalance R] [--json]</c>. The logic is <see cref="TournamentCommandRunner"/>.
/// </summary>
internal static class TournamentCommand
{
    public static Command Create(CliContext context)
    {
        var strategies = new Option<string[]>("--strategies")
        {
            Description = "Profiles: strategies whose long picks the engines allocate among (default: one 'universe' profile of every symbol).",
            AllowMultipleArgumentsPerToken = true,
        };
        var engines = new Option<string[]>("--engines")
        {
            Description = "Optimisers to compare (default: every engine of the catalog).",
            AllowMultipleArgumentsPerToken = true,
        };
        var from = new Option<string?>("--from") { Description = "First day, yyyy-MM-dd (UTC, included; default: the last 756 daily bars before --to)." };
        var to = new Option<string?>("--to") { Description = "Last day, yyyy-MM-dd (UTC, included; default 2019-12-31 for daily bars)." };
        var symbols = new Option<string[]>("--symbols") { Description = "Symbols as EXCHANGE:TICKER, comma-separated (default: the bundled samples' tickers).", AllowMultipleArgumentsPerToken = true };
        var source = new Option<string?>("--source") { Description = "auto (lakehouse, else bundled samples, else synthetic), lakehouse, csv or synthetic." };
        source.AcceptOnlyFromAmong([.. PanelSourceNames.All]);
        var rebalance = new Option<string?>("--rebalance") { Description = "When engines re-optimise: daily, weekly, monthly (default), or every-N-bars." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (the content of tournament_report.json)." };
        var command = new Command("tournament", "Engines × profiles × simulators on identical data: idealised vs realised Sharpe per engine; every engine is a row, failures included.")
        {
            strategies, engines, from, to, symbols, source, rebalance, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var data = new DataOptions(
                OptionParsing.Date(parse.GetValue(from), "--from"),
                OptionParsing.Date(parse.GetValue(to), "--to"),
                OptionParsing.Symbols(parse.GetValue(symbols)),
                OptionParsing.Source(parse.GetValue(source)));
            return new TournamentCommandRunner(context, TimeProvider.System).RunAsync(parse.GetValue(context.ConfigOption),
                Names.List(parse.GetValue(strategies)), Names.List(parse.GetValue(engines)), data,
                OptionParsing.Rebalance(parse.GetValue(rebalance)), parse.GetValue(json), cancellationToken);
        });
        return command;
    }
}
