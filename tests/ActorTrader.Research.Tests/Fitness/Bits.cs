using ActorTrader.Research.Fitness;

namespace ActorTrader.Research.Tests.Fitness;

/// <summary>Bit-exact comparison of fitness results (NaN payloads and signed zeros included).</summary>
internal static class Bits
{
    public static long[] Of(FitnessResult r) =>
    [
        BitConverter.DoubleToInt64Bits(r.Fitness), BitConverter.DoubleToInt64Bits(r.Sharpe), BitConverter.DoubleToInt64Bits(r.DeflatedSharpe),
        BitConverter.DoubleToInt64Bits(r.MaxDrawdown), BitConverter.DoubleToInt64Bits(r.Turnover), r.Trades,
        .. r.Behaviour.Select(BitConverter.DoubleToInt64Bits), long.MinValue, .. r.DailyReturns.Select(BitConverter.DoubleToInt64Bits),
    ];

    public static void Identical(FitnessResult expected, FitnessResult actual)
    {
        Assert.Equal(Of(expected), Of(actual));
        Assert.Equal(expected.Reason, actual.Reason);
        Assert.Equal(expected.Window, actual.Window);
    }
}
