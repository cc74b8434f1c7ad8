using ActorTrader.Domain.Bars;

namespace ActorTrader.Domain.Tests.Acceptance;

/// <summary>Issue 6 acceptance: a bar's timestamp is UTC whatever offset it was given with.</summary>
public sealed class BarTimestampTests
{
    private static readonly TimeSpan NewYorkWinter = TimeSpan.FromHours(-5);

    [Fact]
    public void A_bar_given_in_New_York_time_holds_the_same_instant_in_UTC()
    {
        var local = new DateTimeOffset(2024, 1, 2, 0, 0, 0, NewYorkWinter);

        var bar = new Bar(local, 10m, 11m, 9m, 10.5m, 1000m);

        Assert.Equal(TimeSpan.Zero, bar.Timestamp.Offset);
        Assert.Equal(new DateTime(2024, 1, 2, 5, 0, 0, DateTimeKind.Utc), bar.Timestamp.UtcDateTime);
    }

    [Fact]
    public void A_timestamp_set_with_a_with_expression_is_held_in_UTC_too()
    {
        var bar = new Bar(DateTimeOffset.UnixEpoch, 10m, 11m, 9m, 10.5m, 1000m);

        var moved = bar with { Timestamp = new DateTimeOffset(2024, 7, 1, 9, 30, 0, TimeSpan.FromHours(-4)) };

        Assert.Equal(new DateTimeOffset(2024, 7, 1, 13, 30, 0, TimeSpan.Zero), moved.Timestamp);
        Assert.Equal(TimeSpan.Zero, moved.Timestamp.Offset);
    }

    [Fact]
    public void Bars_of_the_same_instant_and_values_are_equal_whatever_offset_they_were_given_in()
    {
        var utc = new Bar(new DateTimeOffset(2024, 1, 2, 5, 0, 0, TimeSpan.Zero), 10m, 11m, 9m, 10.5m, 1000m, 12, 10.2m);
        var local = utc with { Timestamp = new DateTimeOffset(2024, 1, 2, 0, 0, 0, NewYorkWinter) };

        Assert.Equal(utc, local);
        Assert.Equal(utc.Timestamp.Offset, local.Timestamp.Offset);
    }
}
