using System.CommandLine;
using ActorTrader.Cli.Optimize;
using ActorTrader.Quant.Portfolio;

namespace ActorTrader.Cli.Commands;

/// <summary>
/// <c>actortrader optimize --prices FILE.csv --method NAME [...]</c>: portfolio weights from a wide price CSV.
/// The logic is <see cref="OptimizeRunner"/>; this only wires options. Input problems print one line to the error
/// writer and exit 1.
/// </summary>
public static class OptimizeCommand
{
    /// <summary>The <c>optimize</c> command.</summary>
    public static Command Create()
    {
        var prices = new Option<string>("--prices") { Description = "Wide CSV: a date column, then one price column per ticker (blank before listing).", Required = true };
        var method = new Option<string>("--method") { Description = $"One of: {string.Join(", ", OptimizerCatalog.Default.Names)}.", Required = true };
        var target = new Option<double?>("--target") { Description = "Annual target volatility (efficient-risk) or return (efficient-return), e.g. 0.2." };
        var riskFree = new Option<double>("--risk-free") { Description = "Annual risk-free rate, e.g. 0.02.", DefaultValueFactory = _ => 0.0 };
        var returns = new Option<string>("--returns") { Description = "Expected returns: mean-historical (CAGR), arithmetic or ema (span 500).", DefaultValueFactory = _ => "mean-historical" };
        returns.AcceptOnlyFromAmong("mean-historical", "arithmetic", "ema");
        var covariance = new Option<string>("--cov") { Description = "Covariance: sample, ledoit-wolf (constant variance) or exp (span 180).", DefaultValueFactory = _ => "sample" };
        covariance.AcceptOnlyFromAmong("sample", "ledoit-wolf", "exp");
        var bounds = new Option<string>("--bounds") { Description = "lower,upper bound of every weight: 0,1 long-only, -1,1 with shorts.", DefaultValueFactory = _ => "0,1" };
        var last = new Option<int?>("--last") { Description = "Use only the last N daily returns." };
        var json = new Option<bool>("--json") { Description = "Print {\"weights\": {...}, \"expected_return\", \"volatility\", \"sharpe\"} as JSON." };
        var command = new Command("optimize", "Optimise portfolio weights from a wide price CSV (annualised estimates, 252 days).")
        {
            prices, method, target, riskFree, returns, covariance, bounds, last, json,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var file = parse.GetValue(prices)!;
            try
            {
                var (lower, upper) = OptimizeOptions.ParseBounds(parse.GetValue(bounds)!);
                var options = new OptimizeOptions(parse.GetValue(method)!, parse.GetValue(target), parse.GetValue(riskFree),
                    parse.GetValue(returns)!, parse.GetValue(covariance)!, lower, upper, parse.GetValue(last), parse.GetValue(json));
                using var reader = File.OpenText(file);
                new OptimizeRunner().Run(reader, file, options, output);
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is OptimizeInputException or OptimizationException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: {e.Message}");
                return ExitCodes.Problems;
            }
        });
        return command;
    }
}
