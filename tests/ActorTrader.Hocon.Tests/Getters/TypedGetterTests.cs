using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Getters;

public sealed class TypedGetterTests
{
    private static readonly Config Sample = HoconText.Parse("""
        actortrader {
          name = "node-1"
          management { port = 8080 }
          ratio = 0.25
          big = 9000000000
          price = 101.10
          enabled = yes
          disabled = off
          nothing = null
          word = abc
          tags = [a, 1, true]
        }
        """);

    [Fact]
    public void Getters_read_values_of_their_type()
    {
        Assert.Equal("node-1", Sample.GetString("actortrader.name"));
        Assert.Equal(8080, Sample.GetInt("actortrader.management.port"));
        Assert.Equal(0.25, Sample.GetDouble("actortrader.ratio"));
        Assert.Equal(9_000_000_000L, Sample.GetLong("actortrader.big"));
        Assert.Equal(101.10m, Sample.GetDecimal("actortrader.price"));
        Assert.Equal(["a", "1", "true"], Sample.GetStringList("actortrader.tags"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    [InlineData("off", false)]
    public void Booleans_accept_the_hocon_spellings(string text, bool expected)
    {
        Assert.Equal(expected, HoconText.Parse($"b = {text}").GetBoolean("b"));
    }

    [Fact]
    public void Numbers_read_as_strings_keep_their_source_text()
    {
        Assert.Equal("8080", Sample.GetString("actortrader.management.port"));
        Assert.Equal("101.10", Sample.GetString("actortrader.price"));
    }

    [Fact]
    public void Missing_key_error_names_the_path()
    {
        var error = Assert.ThrowsAny<HoconException>(() => Sample.GetInt("actortrader.management.host"));

        Assert.StartsWith("Missing configuration key 'actortrader.management.host'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_are_returned_for_missing_keys()
    {
        Assert.Equal("d", Sample.GetString("x.y", "d"));
        Assert.Equal(5, Sample.GetInt("x", 5));
        Assert.Equal(6L, Sample.GetLong("x", 6L));
        Assert.Equal(1.5, Sample.GetDouble("x", 1.5));
        Assert.Equal(2.5m, Sample.GetDecimal("x", 2.5m));
        Assert.True(Sample.GetBoolean("x", true));
        Assert.Equal(TimeSpan.FromSeconds(3), Sample.GetTimeSpan("x", TimeSpan.FromSeconds(3)));
        Assert.Equal(7L, Sample.GetByteSize("x", 7L));
        Assert.Equal(["z"], Sample.GetStringList("x", ["z"]));
    }

    [Fact]
    public void Defaults_are_not_used_when_the_key_exists()
    {
        Assert.Equal(8080, Sample.GetInt("actortrader.management.port", 1));
    }

    [Fact]
    public void Null_counts_as_missing_for_defaults()
    {
        Assert.Equal(9, Sample.GetInt("actortrader.nothing", 9));
        Assert.False(Sample.HasPath("actortrader.nothing"));
    }

    [Fact]
    public void Null_without_default_is_an_error_at_the_value()
    {
        var error = Assert.ThrowsAny<HoconException>(() => Sample.GetString("actortrader.nothing"));

        Assert.Equal(9, error.Position!.Line);
        Assert.Contains("actortrader.nothing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_type_names_the_path_the_value_and_its_position()
    {
        var error = Assert.ThrowsAny<HoconException>(() => Sample.GetInt("actortrader.word"));

        Assert.Equal(new HoconPosition("test.conf", 10, 10), error.Position);
        Assert.Equal("abc", error.Token);
        Assert.Contains("actortrader.word", error.Message, StringComparison.Ordinal);
        Assert.Contains("test.conf:10:10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_type_is_reported_even_when_a_default_is_given()
    {
        Assert.ThrowsAny<HoconException>(() => (object)Sample.GetInt("actortrader.word", 1));
    }

    [Fact]
    public void Reading_an_object_as_a_scalar_is_a_wrong_type_error()
    {
        var error = Assert.ThrowsAny<HoconException>(() => (object)Sample.GetInt("actortrader.management"));

        Assert.Equal(new HoconPosition("test.conf", 3, 14), error.Position);
        Assert.Contains("an object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_integral_number_is_not_an_int()
    {
        Assert.ThrowsAny<HoconException>(() => (object)Sample.GetInt("actortrader.ratio"));
    }

    [Fact]
    public void Get_config_returns_the_sub_object_or_empty()
    {
        Assert.Equal(8080, Sample.GetConfig("actortrader.management").GetInt("port"));
        Assert.True(Sample.GetConfig("actortrader.absent").IsEmpty);
        Assert.Same(ConfigurationFactory.Empty, Sample.GetConfig("actortrader.absent"));
    }

    [Fact]
    public void Get_value_is_null_only_when_missing()
    {
        Assert.Null(Sample.GetValue("actortrader.absent"));
        Assert.True(Sample.GetValue("actortrader.nothing")!.IsNull);
        Assert.Equal(["name", "management", "ratio", "big", "price", "enabled", "disabled", "nothing", "word", "tags"], Sample.GetConfig("actortrader").Keys);
    }

    [Fact]
    public void Get_position_points_at_the_definition()
    {
        Assert.Equal(new HoconPosition("test.conf", 2, 10), Sample.GetPosition("actortrader.name"));
        Assert.Null(Sample.GetPosition("nope"));
    }

    [Fact]
    public void Empty_config_has_no_keys()
    {
        Assert.True(ConfigurationFactory.Empty.IsEmpty);
        Assert.True(HoconText.Parse("  # only a comment\n").IsEmpty);
        Assert.False(Sample.IsEmpty);
    }
}
