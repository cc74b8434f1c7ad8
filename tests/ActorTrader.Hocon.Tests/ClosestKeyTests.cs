using ActorTrader.Hocon;

namespace ActorTrader.Hocon.Tests;

public sealed class ClosestKeyTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "abc", 0)]
    [InlineData("flaw", "lawn", 2)]
    public void Edit_distance_counts_insertions_deletions_and_substitutions(string a, string b, int expected) =>
        Assert.Equal(expected, ClosestKey.EditDistance(a, b));

    [Theory]
    [InlineData("actortrader.risk.max-postion-weight", "actortrader.risk.max-position-weight")]
    [InlineData("actortrader.managment.port", "actortrader.management.port")]
    [InlineData("actortrader.node.datadir", "actortrader.node.data-dir")]
    public void A_misspelt_key_finds_the_intended_one(string typo, string intended)
    {
        string[] known = ["actortrader.risk.max-position-weight", "actortrader.risk.max-daily-loss", "actortrader.management.port", "actortrader.management.host", "actortrader.node.data-dir", "actortrader.node.name"];

        Assert.Equal(intended, ClosestKey.Find(typo, known));
    }

    [Fact]
    public void No_candidates_gives_no_suggestion() => Assert.Null(ClosestKey.Find("x", []));

    [Fact]
    public void Edit_distance_is_a_metric_on_random_strings()
    {
        var random = new Random(20250304);
        for (var i = 0; i < 500; i++)
        {
            string a = Word(random), b = Word(random), c = Word(random);
            Assert.Equal(ClosestKey.EditDistance(a, b), ClosestKey.EditDistance(b, a));
            Assert.Equal(a == b, ClosestKey.EditDistance(a, b) == 0);
            Assert.True(ClosestKey.EditDistance(a, c) <= ClosestKey.EditDistance(a, b) + ClosestKey.EditDistance(b, c));
            Assert.True(ClosestKey.EditDistance(a, b) <= Math.Max(a.Length, b.Length));
        }

        static string Word(Random random) => new([.. Enumerable.Range(0, random.Next(0, 8)).Select(_ => (char)('a' + random.Next(3)))]);
    }
}
