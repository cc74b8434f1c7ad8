using ActorTrader.Hocon;

namespace ActorTrader.Hocon.Tests;

public sealed class ConfigProblemLogTests
{
    private static ConfigProblemLog Log(string text) =>
        new(ConfigurationFactory.ParseString(text, new HoconParseOptions { SourceName = "node.conf", UseEnvironment = false }));

    [Fact]
    public void A_readable_value_is_returned_without_a_problem()
    {
        var log = Log("a.port = 8080");

        Assert.Equal(8080, log.Read("a.port", log.Config.GetInt, 1, "a whole number"));
        Assert.Empty(log.Problems);
    }

    [Fact]
    public void A_missing_key_is_a_problem_and_takes_the_fallback()
    {
        var log = Log("a.port = 8080");

        Assert.Equal(7, log.Read("a.size", log.Config.GetInt, 7, "a whole number"));
        var problem = Assert.Single(log.Problems);
        Assert.Equal("a.size", problem.Key);
        Assert.Contains("a.size is missing", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistyped_value_is_a_problem_at_its_position_and_reading_goes_on()
    {
        var log = Log("a {\n  port = eighty\n  size = 3\n}");

        Assert.Equal(1, log.Read("a.port", log.Config.GetInt, 1, "a whole number"));
        Assert.Equal(3, log.Read("a.size", log.Config.GetInt, 7, "a whole number"));
        var problem = Assert.Single(log.Problems);
        Assert.Equal(2, problem.Position?.Line);
        Assert.Equal("Set a.port to a whole number.", problem.Fix);
    }

    [Fact]
    public void An_optional_missing_key_takes_the_fallback_without_a_problem()
    {
        var log = Log("a.port = 8080");

        Assert.Equal(7, log.ReadOptional("a.size", log.Config.GetInt, 7, "a whole number"));
        Assert.Empty(log.Problems);
    }
}
