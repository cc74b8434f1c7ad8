using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Resolution;

public sealed class CycleTests
{
    [Fact]
    public void Two_fields_referring_to_each_other_are_a_cycle()
    {
        var error = HoconText.ParseError("a = ${b}\nb = ${a}");

        Assert.Contains("cycle", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(new HoconPosition("test.conf", 2, 5), error.Position);
        Assert.Equal("${a}", error.Token);
    }

    [Fact]
    public void Cycle_message_lists_the_substitutions_in_the_loop()
    {
        var error = HoconText.ParseError("a = ${b}\nb = ${c}\nc = ${a}");

        Assert.Contains("${b} (test.conf:1:5) -> ${c} (test.conf:2:5) -> ${a} (test.conf:3:5)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Object_containing_a_reference_to_itself_is_a_cycle()
    {
        var error = HoconText.ParseError("a { b = ${a} }");

        Assert.Contains("cycle", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("${a}", error.Token);
    }

    [Fact]
    public void Array_containing_a_reference_to_itself_is_a_cycle()
    {
        var error = HoconText.ParseError("a = [${a}]");

        Assert.Contains("cycle", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Cycle_through_optional_substitutions_is_treated_as_missing()
    {
        var config = HoconText.Parse("a = ${?b}\nb = ${?a}\nc = 1");

        Assert.Equal(["c"], config.Keys);
    }
}
