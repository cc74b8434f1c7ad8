namespace ActorTrader.Trading.Risk.PreTrade.Rules;

/// <summary>Quantities shown in fixes: whole shares when the order is in whole shares, else nine decimals, never rounded up.</summary>
internal static class Quantities
{
    public static decimal AtMost(decimal quantity, decimal like)
    {
        if (quantity <= 0m) return 0m;
        return decimal.Truncate(like) == like ? Math.Floor(quantity) : Math.Round(quantity, 9, MidpointRounding.ToZero);
    }
}
