using ActorTrader.Hocon.Parsing;
using ActorTrader.Hocon.Resolution;
using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Resolution;

/// <summary>Resolution work grows linearly with the document, whatever the shape of its references.</summary>
public sealed class ResolutionCostTests
{
    private static int NodesEvaluated(string text)
    {
        var root = new DocumentLoader(HoconText.NoEnvironment).ParseRoot(text, new DocumentOrigin("test.conf", null, null), DocumentSyntax.Hocon);
        Resolver.Resolve(root, HoconText.NoEnvironment, out var nodes);
        return nodes;
    }

    [Fact]
    public void Fields_referring_twice_to_the_previous_field_do_not_blow_up_exponentially()
    {
        const int Fields = 40;
        var text = "a0 = { k = 1 }\n" + string.Join('\n', Enumerable.Range(1, Fields).Select(i => $"a{i} = ${{a{i - 1}}} ${{a{i - 1}}}"));

        Assert.InRange(NodesEvaluated(text), Fields, 10 * Fields);
    }

    [Fact]
    public void Long_chain_of_backward_substitutions_is_evaluated_once_per_field()
    {
        const int Fields = 5_000;
        var text = "a0 = 1\n" + string.Join('\n', Enumerable.Range(1, Fields).Select(i => $"a{i} = ${{a{i - 1}}}"));

        Assert.InRange(NodesEvaluated(text), Fields, 3 * Fields);
    }

    [Fact]
    public void Repeated_references_still_resolve_to_the_right_values()
    {
        var config = HoconText.Parse("a0 = { k = 1 }\na1 = ${a0} { j = 2 }\na2 = ${a1} ${a1}\na3 = [${a2.k}, ${a2.j}] [${a1.j}]");

        Assert.Equal(["1", "2", "2"], config.GetStringList("a3"));
        Assert.Equal(2, config.GetInt("a2.j"));
    }

    [Fact]
    public void Two_fields_overriding_each_other_by_reference_end_up_consistent()
    {
        // case adapted from lightbend/config tests, Apache-2.0 (the spec leaves the order open: both 1, both 2, or an error).
        var config = HoconText.Parse("a : 1\nb : 2\na : ${b}\nb : ${a}");

        Assert.Equal(config.GetInt("a"), config.GetInt("b"));
    }
}
