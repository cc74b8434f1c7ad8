using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Returns;

/// <summary>
/// Period returns from a price matrix (rows = dates oldest first, columns = assets). NaN marks a missing price
/// (not yet listed, delisted, holiday): a return is NaN when either of its two prices is missing, so gaps are never
/// silently bridged unless <c>fillForward</c> is asked for. The result has one row fewer than the prices.
/// </summary>
public static class PriceReturns
{
    /// <summary>Simple returns p[t]/p[t−1] − 1 (pandas <c>pct_change(fill_method=None)</c>).</summary>
    /// <param name="prices">Positive finite prices or NaN.</param>
    /// <param name="fillForward">Carry the last known price over gaps (leading NaN before listing stay NaN).</param>
    public static Matrix<double> Simple(Matrix<double> prices, bool fillForward = false) =>
        Compute(prices, fillForward, static (previous, current) => current / previous - 1.0);

    /// <summary>Log returns ln(p[t]/p[t−1]).</summary>
    /// <param name="prices">Positive finite prices or NaN.</param>
    /// <param name="fillForward">Carry the last known price over gaps (leading NaN before listing stay NaN).</param>
    public static Matrix<double> Log(Matrix<double> prices, bool fillForward = false) =>
        Compute(prices, fillForward, static (previous, current) => Math.Log(current / previous));

    private static Matrix<double> Compute(Matrix<double> prices, bool fillForward, Func<double, double, double> periodReturn)
    {
        ArgumentNullException.ThrowIfNull(prices);
        if (prices.RowCount < 2)
        {
            throw new ArgumentException($"Returns need at least 2 price rows; got {prices.RowCount}.", nameof(prices));
        }
        var returns = Matrix<double>.Build.Dense(prices.RowCount - 1, prices.ColumnCount);
        for (var c = 0; c < prices.ColumnCount; c++)
        {
            var previous = double.NaN;
            for (var r = 0; r < prices.RowCount; r++)
            {
                var price = prices[r, c];
                if (!double.IsNaN(price) && (!double.IsFinite(price) || price <= 0))
                {
                    throw new ArgumentException(
                        $"Price at row {r}, column {c} is {price}; prices must be positive and finite (NaN marks a missing price).",
                        nameof(prices));
                }
                // Filling forward means a missing price repeats the last known one (pandas' pad), a 0 return.
                if (fillForward && double.IsNaN(price)) price = previous;
                if (r > 0) returns[r - 1, c] = double.IsNaN(previous) || double.IsNaN(price) ? double.NaN : periodReturn(previous, price);
                previous = price;
            }
        }
        return returns;
    }
}
