using ActorTrader.Hocon;
using ActorTrader.Research.Settings;

namespace ActorTrader.Research.Tests.Promotion.Pipeline.Paper;

/// <summary>The paper keys of <c>actortrader.research.promotion</c>: read when set, defaults when not, and reported when out of range.</summary>
public sealed class PaperSettingsTests
{
    private static (ResearchSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(string promotion) =>
        ResearchSettings.Read(ConfigurationFactory.ParseString($"actortrader.research.promotion {{\n{promotion}\n}}", new HoconParseOptions { SourceName = "node.conf" }));

    [Fact]
    public void The_paper_keys_are_read_from_the_promotion_section()
    {
        var (settings, problems) = Read("""
            paper-initial-cash = 25000
            paper-after-close = 2h
            paper-slippage-bps = 10
            paper-commission-bps = 0
            paper-max-drawdown = 0.15
            paper-min-return = -0.05
            """);

        var paper = settings.Promotion.Paper;
        Assert.Empty(problems);
        Assert.Equal((25_000m, TimeSpan.FromHours(2), 10m, 0m), (paper.InitialCash, paper.AfterClose, paper.SlippageBps, paper.CommissionBps));
        Assert.Equal((0.15, -0.05), (paper.MaxDrawdown, paper.MinReturn));
    }

    [Fact]
    public void An_out_of_range_paper_key_is_reported_at_its_position_and_replaced_by_its_default()
    {
        var (settings, problems) = Read("paper-max-drawdown = 1.5");

        var problem = Assert.Single(problems);
        Assert.Equal("actortrader.research.promotion.paper-max-drawdown", problem.Key);
        Assert.StartsWith("node.conf:2", problem.Location);
        Assert.Equal(1.0, settings.Promotion.Paper.MaxDrawdown);
    }
}
