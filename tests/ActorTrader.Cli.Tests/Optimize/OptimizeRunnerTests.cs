using System.CommandLine;
using System.Text.Json;
using ActorTrader.Cli.Commands;
using ActorTrader.Cli.Optimize;

namespace ActorTrader.Cli.Tests.Optimize;

public sealed class OptimizeRunnerTests
{
    // Three tickers; C lists on the third day (blank before), so its first return is missing.
    private const string Csv = """
        date,A,B,C
        2024-01-01,100,50,
        2024-01-02,101,49.5,
        2024-01-03,100.5,50.5,20
        2024-01-04,102,50,20.4
        2024-01-05,101,51,20.2
        2024-01-06,103,50.5,20.6
        2024-01-07,102.5,51.5,20.5
        """;

    private static string Run(OptimizeOptions options, string csv = Csv)
    {
        using var output = new StringWriter();
        new OptimizeRunner().Run(new StringReader(csv), "prices.csv", options, output);
        return output.ToString();
    }

    [Fact]
    public void Equal_weight_json_has_exactly_the_documented_shape()
    {
        using var json = JsonDocument.Parse(Run(new OptimizeOptions("equal", Json: true)));

        Assert.Equal(["weights", "expected_return", "volatility", "sharpe"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["A", "B", "C"], json.RootElement.GetProperty("weights").EnumerateObject().Select(p => p.Name));
        Assert.All(json.RootElement.GetProperty("weights").EnumerateObject(), p => Assert.Equal(1.0 / 3, p.Value.GetDouble(), 12));
    }

    [Fact]
    public void Reported_volatility_is_the_annualised_volatility_of_the_weights()
    {
        using var json = JsonDocument.Parse(Run(new OptimizeOptions("min-vol", CovarianceEstimator: "ledoit-wolf", Json: true)));
        var prices = WidePriceCsv.Read(new StringReader(Csv), "prices.csv");
        var problem = OptimizeRunner.Problem(prices, new OptimizeOptions("min-vol", CovarianceEstimator: "ledoit-wolf"), "prices.csv");
        var w = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfEnumerable(
            json.RootElement.GetProperty("weights").EnumerateObject().Select(p => p.Value.GetDouble()));

        Assert.Equal(Math.Sqrt(w.DotProduct(problem.Covariance * w)), json.RootElement.GetProperty("volatility").GetDouble(), 12);
        Assert.Equal(1.0, w.Sum(), 9);
    }

    [Fact]
    public void Bad_number_is_reported_with_file_line_and_column()
    {
        var csv = Csv.Replace("50.5,20.6", "5O.5,20.6", StringComparison.Ordinal);

        var error = Assert.Throws<OptimizeInputException>(() => Run(new OptimizeOptions("equal"), csv));

        Assert.StartsWith("prices.csv:7:3: \"5O.5\" in column B", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_price_is_rejected_like_a_bad_number()
    {
        var error = Assert.Throws<OptimizeInputException>(() => Run(new OptimizeOptions("equal"), Csv.Replace("2024-01-02,101", "2024-01-02,0", StringComparison.Ordinal)));

        Assert.StartsWith("prices.csv:3:2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_ticker_columns_are_reported()
    {
        var error = Assert.Throws<OptimizeInputException>(() => Run(new OptimizeOptions("equal"), Csv.Replace("date,A,B,C", "date,A,B,A", StringComparison.Ordinal)));

        Assert.Contains("ticker \"A\" appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_method_lists_the_known_ones()
    {
        var error = Assert.Throws<OptimizeInputException>(() => Run(new OptimizeOptions("min-fun")));

        Assert.Contains("hrp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Last_window_without_enough_prices_for_a_ticker_is_reported()
    {
        var csv = Csv.Replace(",20.6", ",", StringComparison.Ordinal).Replace(",20.5", ",", StringComparison.Ordinal).Replace(",20.2", ",", StringComparison.Ordinal);

        var error = Assert.Throws<OptimizeInputException>(() => Run(new OptimizeOptions("equal", Last: 3), csv));

        Assert.Contains("ticker C has 0 return(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bounds_text_must_be_lower_comma_upper()
    {
        Assert.Equal((-1.0, 1.0), OptimizeOptions.ParseBounds("-1,1"));
        Assert.Throws<OptimizeInputException>(() => OptimizeOptions.ParseBounds("1,0"));
    }

    [Fact]
    public void Command_prints_json_for_a_file_and_exits_zero()
    {
        var file = Path.Combine(Path.GetTempPath(), $"quantmv-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, Csv);
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();

            var exit = OptimizeCommand.Create().Parse(["--prices", file, "--method", "hrp", "--json"]).Invoke(new InvocationConfiguration { Output = output, Error = error });

            Assert.Equal(0, exit);
            Assert.StartsWith("{\"weights\": {\"A\": ", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Command_reports_a_missing_file_and_exits_one()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = OptimizeCommand.Create().Parse(["--prices", "/nonexistent/prices.csv", "--method", "equal"]).Invoke(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(1, exit);
        Assert.Contains("prices.csv", error.ToString(), StringComparison.Ordinal);
    }
}
