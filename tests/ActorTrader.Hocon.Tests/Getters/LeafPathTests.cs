using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Getters;

public sealed class LeafPathTests
{
    [Fact]
    public void Leaf_paths_list_every_leaf_with_arrays_and_nulls_as_leaves()
    {
        var config = HoconText.Parse("a { b { c = 1 }, d = [1, { x = 2 }] }\ne = null\nempty {}");

        Assert.Equal(["a.b.c", "a.d", "e"], config.LeafPaths());
    }

    [Fact]
    public void Keys_holding_dots_or_spaces_come_back_quoted_and_read_back()
    {
        var config = HoconText.Parse("\"a.b\" { c = 1 }\nx { \"y z\" = 2, \"\" = 3 }");

        var paths = config.LeafPaths().ToList();

        Assert.Equal(["\"a.b\".c", "x.\"y z\"", "x.\"\""], paths);
        Assert.All(paths, path => Assert.True(config.HasPath(path)));
    }

    [Fact]
    public void Keys_lists_the_direct_children_of_the_root_in_order()
    {
        Assert.Equal(["z", "a", "m"], HoconText.Parse("z = 1, a { b = 2 }, m = 3").Keys);
    }
}
