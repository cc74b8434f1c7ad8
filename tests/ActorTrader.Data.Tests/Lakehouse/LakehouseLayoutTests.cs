using ActorTrader.Data.Lakehouse;

namespace ActorTrader.Data.Tests.Lakehouse;

public sealed class LakehouseLayoutTests
{
    [Fact]
    public void A_relative_lakehouse_dir_is_resolved_against_the_data_dir()
    {
        var layout = LakehouseLayout.Resolve("/srv/actortrader/data", "lakehouse");

        Assert.Equal(Path.GetFullPath("/srv/actortrader/data/lakehouse"), layout.Root);
        Assert.Equal(Path.Combine(layout.Root, "symbols.parquet"), layout.Symbols);
    }

    [Fact]
    public void An_absolute_lakehouse_dir_is_kept()
    {
        Assert.Equal(Path.GetFullPath("/mnt/lake"), LakehouseLayout.Resolve("/srv/data", "/mnt/lake").Root);
    }
}
