using ActorTrader.Research.Fitness;

namespace ActorTrader.Research.Tests.Evaluation.Distributed;

/// <summary>Bit-for-bit equality of fitness results (records compare their lists by reference, so field by field here).</summary>
internal static class FitnessAssert
{
    public static void Identical(IReadOnlyList<FitnessResult> expected, IReadOnlyList<FitnessResult> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++) Identical(expected[i], actual[i]);
    }

    public static void Identical(FitnessResult expected, FitnessResult actual)
    {
        Assert.Equal(Bits([expected.Fitness, expected.Sharpe, expected.DeflatedSharpe, expected.MaxDrawdown, expected.Turnover]),
            Bits([actual.Fitness, actual.Sharpe, actual.DeflatedSharpe, actual.MaxDrawdown, actual.Turnover]));
        Assert.Equal(expected.Trades, actual.Trades);
        Assert.Equal(expected.Window, actual.Window);
        Assert.Equal(Bits(expected.Behaviour), Bits(actual.Behaviour));
        Assert.Equal(Bits(expected.DailyReturns), Bits(actual.DailyReturns));
        Assert.Equal(expected.ReturnTimes, actual.ReturnTimes);
        Assert.Equal(expected.Reason, actual.Reason);
    }

    private static long[] Bits(IEnumerable<double> values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
}
