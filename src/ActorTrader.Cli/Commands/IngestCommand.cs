using System.CommandLine;
using System.Globalization;
using ActorTrader.Cli.Data;
using ActorTrader.Data.Settings;
using ActorTrader.Domain.Bars;
using Symbol = ActorTrader.Domain.Instruments.Symbol;

namespace ActorTrader.Cli.Commands;

/// <summary>
/// <c>actortrader ingest [--provider synthetic|csv|alpaca] [--symbols A,B | --from-scan RUN_ID] [--start D] [--end D] [--cluster]</c>:
/// fetch, validate and write bars into the lakehouse, with a progress bar on a terminal. The logic is <see cref="IngestRunner"/>,
/// or with --cluster <see cref="ClusterIngestRunner"/> (the cluster's ingest nodes do the work).
/// </summary>
internal static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var provider = new Option<string?>("--provider") { Description = "synthetic, csv or alpaca (default: actortrader.data.provider)." };
        provider.AcceptOnlyFromAmong([.. DataSettings.KnownProviders]);
        var symbols = new Option<string[]>("--symbols")
        {
            Description = "Symbols as EXCHANGE:TICKER, comma- or space-separated (NASDAQ:AAPL,NYSE:IBM).",
            AllowMultipleArgumentsPerToken = true,
        };
        var fromScan = new Option<string?>("--from-scan") { Description = "Ingest the candidates of this scan run (data/export/RUN_ID/candidates.json)." };
        var start = new Option<string?>("--start") { Description = $"First date, yyyy-MM-dd (default: {IngestRunner.DefaultDays} days before the end)." };
        var end = new Option<string?>("--end") { Description = "Date after the last bar, yyyy-MM-dd, exclusive (default: today, UTC)." };
        var timeframe = new Option<string>("--timeframe") { Description = "1Day or 1Min.", DefaultValueFactory = _ => Timeframe.Day1.Name };
        timeframe.AcceptOnlyFromAmong([.. Timeframe.All.Select(t => t.Name)]);
        var freshness = new Option<double?>("--freshness-hours") { Description = "Skip symbols written within this many hours (default: actortrader.data.ingestion.freshness-hours; 0 = never skip)." };
        var cluster = new Option<bool>("--cluster")
        {
            Description = "Let the cluster's nodes with role ingest do the work: enqueue the symbols as batches on the cluster's PostgreSQL queue " +
                "(actortrader.cluster.ingestion.batch-size), show batches done/total and wait. Ctrl+C stops the wait, not the queued work.",
        };
        var command = new Command("ingest", "Fetch bars, validate them (toxic returns, OHLC, timestamps, strict health) and write them to the lakehouse. Exit 1 when any symbol was rejected or failed.")
        {
            provider, symbols, fromScan, start, end, timeframe, freshness, cluster,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new IngestOptions(
                parse.GetValue(provider),
                ParseSymbols(parse.GetValue(symbols) ?? []),
                parse.GetValue(fromScan),
                ParseDate(parse.GetValue(start), "--start"),
                ParseDate(parse.GetValue(end), "--end"),
                Timeframe.Parse(parse.GetValue(timeframe)!),
                parse.GetValue(freshness),
                parse.GetValue(cluster));
            if (options.FreshnessHours is < 0)
                throw new CliException(ExitCodes.Usage, "--freshness-hours must be 0 or more.");
            var config = parse.GetValue(context.ConfigOption);
            return options.Cluster
                ? new ClusterIngestRunner(context, TimeProvider.System).RunAsync(config, options, cancellationToken)
                : new IngestRunner(context, TimeProvider.System).RunAsync(config, options, cancellationToken);
        });
        return command;
    }

    private static List<Symbol> ParseSymbols(IEnumerable<string> tokens)
    {
        var symbols = new List<Symbol>();
        foreach (var text in tokens.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Symbol.TryParse(text, out var symbol, out var error)) throw new CliException(ExitCodes.Usage, $"--symbols: {error}");
            symbols.Add(symbol);
        }
        return symbols;
    }

    private static DateOnly? ParseDate(string? text, string option) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new CliException(ExitCodes.Usage, $"{option} \"{text}\" is not a date. Fix: write it as yyyy-MM-dd, e.g. 2024-01-31.");
}
