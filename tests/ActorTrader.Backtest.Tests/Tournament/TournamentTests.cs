using ActorTrader.Backtest.Tests.Support;
using ActorTrader.Backtest.Tournament;
using ActorTrader.Quant.Portfolio;

namespace ActorTrader.Backtest.Tests.Tournament;

public sealed class TournamentTests
{
    private static readonly TournamentProfile Random4 = new("random-4", RandomPanels.Create(21, 4, 150), null);

    [Fact]
    public void Every_engine_of_the_catalog_has_a_row_for_every_profile()
    {
        var profiles = new[] { Random4, new TournamentProfile("momentum", Random4.Panel, new TopMomentum(), new TopMomentum().Parameters.Defaults()) };

        var report = TournamentRunner.Run(profiles, new TournamentOptions { Lookback = 40 });

        Assert.Equal(OptimizerCatalog.Default.Names, report.Engines);
        Assert.Equal(OptimizerCatalog.Default.Names.Count * 2, report.Cells.Count);
        Assert.Equal(OptimizerCatalog.Default.Names.SelectMany(e => new[] { (e, "random-4"), (e, "momentum") }), report.Cells.Select(c => (c.Engine, c.Profile)));
        Assert.Contains(report.Cells, c => !c.Failed);
    }

    [Fact]
    public void Failing_engine_is_a_row_with_its_error()
    {
        var catalog = new OptimizerCatalog([new EqualWeightOptimizer(), new Broken()]);

        var report = TournamentRunner.Run([Random4], new TournamentOptions { Catalog = catalog, Lookback = 40 });

        var broken = report.Cells.Single(c => c.Engine == "broken");
        Assert.Null(broken.Realised);
        Assert.Contains("Engine broken failed at", broken.Error, StringComparison.Ordinal);
        Assert.Contains("| broken | random-4 | — |", TournamentReportWriter.Markdown(report), StringComparison.Ordinal);
        Assert.Contains("\"error\": \"OptimizationException: Engine broken failed", TournamentReportWriter.Json(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Realised_and_idealised_sharpe_give_the_alpha_decay()
    {
        var gapless = new TournamentProfile("gapless", RandomPanels.Create(21, 4, 150, gapless: true));

        var report = TournamentRunner.Run([gapless], new TournamentOptions { Engines = ["equal"], Lookback = 40 });

        var cell = Assert.Single(report.Cells);
        Assert.Equal(cell.Realised!.Sharpe / cell.Idealised!.Sharpe, cell.Decay!.Ratio, 12);
        Assert.Equal(cell.Idealised.Sharpe, cell.Decay.IdealisedSharpe);
        Assert.True(cell.Realised.FinalEquity < cell.Idealised.FinalEquity); // same fill prices, so only the costs differ
    }

    [Fact]
    public void Unknown_engine_name_suggests_the_closest()
    {
        var e = Assert.Throws<ArgumentException>(() => TournamentRunner.Run([Random4], new TournamentOptions { Engines = ["min-vl"] }));

        Assert.Contains("did you mean \"min-vol\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_report_has_one_row_per_cell()
    {
        var report = TournamentRunner.Run([Random4], new TournamentOptions { Engines = ["equal", "hrp"], Lookback = 40, RunId = "run-1" });

        var markdown = TournamentReportWriter.Markdown(report);

        Assert.StartsWith("# Tournament run-1", markdown, StringComparison.Ordinal);
        Assert.Equal(2, markdown.Split('\n').Count(l => l.StartsWith("| equal |", StringComparison.Ordinal) || l.StartsWith("| hrp |", StringComparison.Ordinal)));
    }

    private sealed class Broken : IPortfolioOptimizer
    {
        public string Name => "broken";

        public PortfolioWeights Optimize(PortfolioProblem problem) => throw new OptimizationException("singular by design");
    }
}
