using ActorTrader.Data.Runs;

namespace ActorTrader.Data.Tests.Runs;

public sealed class RunIdTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 20, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_run_id_is_its_UTC_start_and_six_hex_digits()
    {
        Assert.Equal("20261121T203000Z-3f9a1c", RunId.Create(Start.ToOffset(TimeSpan.FromHours(2)), "3f9a1c").Value);
    }

    [Fact]
    public void New_ids_parse_back_and_keep_their_start_second()
    {
        var id = RunId.New(Start.AddMilliseconds(700));

        Assert.Equal(id, RunId.Parse(id.Value));
        Assert.Equal(Start, id.StartedAt);
    }

    [Fact]
    public void Ids_sort_by_start_time_as_plain_strings()
    {
        var random = new Random(1);
        var ids = Enumerable.Range(0, 200).Select(_ => RunId.New(Start.AddSeconds(random.Next(-1_000_000, 1_000_000)))).ToArray();

        var byString = ids.OrderBy(i => i.Value, StringComparer.Ordinal).Select(i => i.StartedAt);

        Assert.Equal(ids.Select(i => i.StartedAt).Order(), byString);
    }

    [Theory]
    [InlineData("")]
    [InlineData("20261121T203000Z")]
    [InlineData("20261121T203000Z-3F9A1C")]
    [InlineData("20261121T253000Z-3f9a1c")]
    [InlineData("20261121-203000Z-3f9a1c")]
    public void Malformed_ids_are_rejected(string text)
    {
        Assert.False(RunId.TryParse(text, out _));
        Assert.Throws<FormatException>(() => RunId.Parse(text));
    }
}
