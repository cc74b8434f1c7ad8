using System.Globalization;
using System.Text;
using System.Text.Json;
using ActorTrader.Cli.Optimize;
using ActorTrader.Quant.Portfolio;
using ActorTrader.Quant.Portfolio.RiskMeasures;

namespace ActorTrader.Cli.Tests.Optimize;

/// <summary><c>optimize --method min-cvar|min-cdar</c> through the CLI logic: JSON shape and that the weights minimise the risk.</summary>
public sealed class ScenarioMethodTests
{
    private static readonly string[] Tickers = ["AAA", "BBB", "CCC", "DDD"];

    // 121 daily prices of four tickers from a seeded random walk (different drifts and volatilities); DDD lists late.
    private static string Csv()
    {
        var random = new Random(17);
        var text = new StringBuilder("date," + string.Join(",", Tickers) + "\n");
        var prices = new[] { 100.0, 50.0, 20.0, 10.0 };
        var start = new DateOnly(2024, 1, 1);
        for (var day = 0; day <= 120; day++)
        {
            var cells = new string[Tickers.Length];
            for (var i = 0; i < Tickers.Length; i++)
            {
                if (day > 0) prices[i] *= 1 + 0.0003 * i + (0.005 + 0.006 * i) * (random.NextDouble() - 0.5) * 3.4;
                cells[i] = i == 3 && day < 10 ? "" : prices[i].ToString("R", CultureInfo.InvariantCulture);
            }
            text.Append(start.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',').AppendJoin(",", cells).Append('\n');
        }
        return text.ToString();
    }

    private static JsonDocument RunJson(string method)
    {
        using var output = new StringWriter();
        new OptimizeRunner().Run(new StringReader(Csv()), "prices.csv", new OptimizeOptions(method, Json: true), output);
        return JsonDocument.Parse(output.ToString());
    }

    private static double[] Weights(JsonDocument json) =>
        json.RootElement.GetProperty("weights").EnumerateObject().Select(p => p.Value.GetDouble()).ToArray();

    [Theory]
    [InlineData("min-cvar")]
    [InlineData("min-cdar")]
    public void Scenario_method_json_has_exactly_the_documented_shape(string method)
    {
        using var json = RunJson(method);

        Assert.Equal(["weights", "expected_return", "volatility", "sharpe"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Tickers, json.RootElement.GetProperty("weights").EnumerateObject().Select(p => p.Name));
        Assert.All(["expected_return", "volatility", "sharpe"], key => Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty(key).ValueKind));
        var weights = Weights(json);
        Assert.All(weights, w => Assert.InRange(w, -1e-12, 1 + 1e-12));
        Assert.Equal(1.0, weights.Sum(), 9);
    }

    [Theory]
    [InlineData("min-cvar", RiskMeasure.ConditionalValueAtRisk)]
    [InlineData("min-cdar", RiskMeasure.ConditionalDrawdownAtRisk)]
    public void Scenario_method_weights_have_no_more_risk_than_equal_or_single_asset_portfolios(string method, RiskMeasure measure)
    {
        using var json = RunJson(method);
        var problem = OptimizeRunner.Problem(WidePriceCsv.Read(new StringReader(Csv()), "prices.csv"), new OptimizeOptions(method), "prices.csv");
        var alpha = PortfolioConstraints.LongOnly.Alpha;

        var risk = ScenarioRisk.Evaluate(measure, problem.Returns, Weights(json), alpha);

        Assert.True(risk <= ScenarioRisk.Evaluate(measure, problem.Returns, Enumerable.Repeat(0.25, 4).ToArray(), alpha) + 1e-10);
        for (var i = 0; i < Tickers.Length; i++)
        {
            var single = new double[Tickers.Length];
            single[i] = 1;
            Assert.True(risk <= ScenarioRisk.Evaluate(measure, problem.Returns, single, alpha) + 1e-10, $"{method} is riskier than holding only {Tickers[i]}.");
        }
    }

    [Fact]
    public void Scenario_methods_see_only_the_periods_where_every_ticker_has_a_return()
    {
        var problem = OptimizeRunner.Problem(WidePriceCsv.Read(new StringReader(Csv()), "prices.csv"), new OptimizeOptions("min-cvar"), "prices.csv");

        // 120 returns, of which the first 10 lack DDD (it lists on day 10, so its first return is day 11).
        Assert.Equal(110, problem.Returns.RowCount);
    }
}
