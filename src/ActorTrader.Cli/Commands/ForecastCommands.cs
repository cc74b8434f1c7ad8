using System.CommandLine;
using ActorTrader.Cli.Backtesting;
using ActorTrader.Cli.Forecasting;
using ActorTrader.Trading.Panels;

namespace ActorTrader.Cli.Commands;

/// <summary>
/// <c>actortrader forecast validate [--symbols] [--from] [--to] [--source] [--models] [--horizons] [--folds] [--json]</c> and
/// <c>actortrader forecast run [--symbols] [--from] [--to] [--source] [--models] [--horizons H] [--json]</c>. The logic is in
/// <see cref="ForecastValidateRunner"/> and <see cref="ForecastRunRunner"/>.
/// </summary>
internal static class ForecastCommands
{
    public static Command Create(CliContext context)
    {
        var symbols = new Option<string[]>("--symbols")
        {
            Description = "Symbols as EXCHANGE:TICKER, comma-separated (default: the bundled samples' tickers).",
            AllowMultipleArgumentsPerToken = true,
        };
        var from = new Option<string?>("--from") { Description = "First day, yyyy-MM-dd (UTC; default: the last 756 daily bars before --to)." };
        var to = new Option<string?>("--to") { Description = "Last day, yyyy-MM-dd (UTC; default 2019-12-31)." };
        var source = new Option<string?>("--source") { Description = "auto (lakehouse, else bundled samples, else synthetic), lakehouse, csv or synthetic." };
        source.AcceptOnlyFromAmong([.. PanelSourceNames.All]);
        var models = new Option<string[]>("--models")
        {
            Description = "Models to validate, comma-separated (default: actortrader.forecasting.models): naive, arima, garch, gjr-garch, ssa, holt-winters.",
            AllowMultipleArgumentsPerToken = true,
        };
        var horizons = new Option<string[]>("--horizons")
        {
            Description = "Horizons in bars, comma-separated (default: actortrader.forecasting.validation.horizons).",
            AllowMultipleArgumentsPerToken = true,
        };
        var folds = new Option<int?>("--folds") { Description = "Walk-forward test blocks (default: actortrader.forecasting.validation.folds)." };
        var json = new Option<bool>("--json") { Description = "Print the validation report as JSON (the same as <data-dir>/forecasting/validation.json)." };
        var validate = new Command("validate",
            "Walk-forward validation of the forecasting models against the naive random walk: errors, hit rate, profit factor, drawdown, signal Sharpe, " +
            "Diebold-Mariano and paired t-test, and a GREEN/YELLOW/RED tier per model and horizon; only GREEN models are routed to strategies.")
        {
            symbols, from, to, source, models, horizons, folds, json,
        };
        validate.SetAction((parse, cancellationToken) =>
        {
            var data = Data(parse);
            var foldCount = parse.GetValue(folds);
            if (foldCount is < 1 or > 50) throw new CliException(ExitCodes.Usage, $"--folds {foldCount} is outside 1..50. Fix: pass e.g. --folds 5.");
            var options = new ForecastValidateOptions(data, List(parse.GetValue(models)), Horizons(parse.GetValue(horizons)), foldCount, parse.GetValue(json));
            return new ForecastValidateRunner(context, TimeProvider.System).RunAsync(parse.GetValue(context.ConfigOption), options, cancellationToken);
        });
        var run = new Command("run",
            "One run of the model runner actor: every enabled model on every symbol in parallel, each signal printed with its provenance, " +
            "failures and timeouts reported, and per symbol the signal the router would route under the latest validation.")
        {
            symbols, from, to, source, models, horizons, json,
        };
        run.SetAction((parse, cancellationToken) =>
        {
            var options = new ForecastValidateOptions(Data(parse), List(parse.GetValue(models)), Horizons(parse.GetValue(horizons)), null, parse.GetValue(json));
            if (options.Horizons is { Count: > 1 }) throw new CliException(ExitCodes.Usage, "forecast run makes signals at one horizon. Fix: pass one value, e.g. --horizons 5.");
            return new ForecastRunRunner(context, TimeProvider.System).RunAsync(parse.GetValue(context.ConfigOption), options, cancellationToken);
        });
        return new Command("forecast", "Time-series forecasting models, their signals and their validation.") { validate, run };

        DataOptions Data(ParseResult parse) => new(
            OptionParsing.Date(parse.GetValue(from), "--from"),
            OptionParsing.Date(parse.GetValue(to), "--to"),
            OptionParsing.Symbols(parse.GetValue(symbols)),
            OptionParsing.Source(parse.GetValue(source)));
    }

    private static string[]? List(string[]? tokens)
    {
        var items = (tokens ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
        return items.Length == 0 ? null : items;
    }

    private static int[]? Horizons(string[]? tokens)
    {
        if (List(tokens) is not { } items) return null;
        return items.Select(item => int.TryParse(item, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var h) && h is >= 1 and <= 250
            ? h
            : throw new CliException(ExitCodes.Usage, $"--horizons holds \"{item}\", which is not a horizon of 1..250 bars. Fix: pass e.g. --horizons 1,5,20.")).Distinct().Order().ToArray();
    }
}
