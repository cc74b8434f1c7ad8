using ActorTrader.Hosting.Checking;

namespace ActorTrader.Hosting.Tests.Checking;

/// <summary>config-check reads the research section whatever the node's roles, so a research node never starts on a bad value.</summary>
public sealed class ResearchSectionCheckTests : SectionCheckTestBase
{
    [Fact]
    public void A_bad_research_key_is_reported_at_its_line_with_the_fix()
    {
        var problem = Assert.Single(ConfigCheck.Run(Sources.For(Dir, Config("research.parallelism = 0"))).Problems);

        Assert.Equal("actortrader.research.parallelism", problem.Key);
        Assert.Equal(3, problem.Position?.Line);
        Assert.NotEmpty(problem.Fix);
    }

    [Fact]
    public void The_default_research_section_passes()
    {
        Assert.Empty(ConfigCheck.Run(Sources.For(Dir, Config(""))).Problems);
    }
}
