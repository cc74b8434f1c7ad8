using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Parsing;

public sealed class AppendTests
{
    [Fact]
    public void Plus_equals_appends_to_an_earlier_array()
    {
        var config = HoconText.Parse("a = [1]\na += 2\na += 3");

        Assert.Equal(["1", "2", "3"], config.GetStringList("a"));
    }

    [Fact]
    public void Plus_equals_may_be_the_first_mention()
    {
        var config = HoconText.Parse("a += x");

        Assert.Equal(["x"], config.GetStringList("a"));
    }

    [Fact]
    public void Plus_equals_works_on_path_keys_inside_objects()
    {
        var config = HoconText.Parse("s { list = [a] }\ns { list += b }\ns.list += c");

        Assert.Equal(["a", "b", "c"], config.GetStringList("s.list"));
    }

    [Fact]
    public void Plus_equals_on_a_non_array_is_an_error()
    {
        var error = HoconText.ParseError("a = 5\na += 1");

        Assert.Contains("Cannot concatenate", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Position!.Line);
    }
}
