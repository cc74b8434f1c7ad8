namespace ActorTrader.Quant.Portfolio;

/// <summary>An optimiser's result: one weight per asset, in the problem's asset order.</summary>
public sealed record PortfolioWeights(string Method, IReadOnlyList<string> Assets, IReadOnlyList<double> Weights)
{
    /// <summary>The weight of <paramref name="asset"/>.</summary>
    public double this[string asset]
    {
        get
        {
            for (var i = 0; i < Assets.Count; i++)
            {
                if (Assets[i] == asset) return Weights[i];
            }
            throw new KeyNotFoundException($"Asset \"{asset}\" is not in the portfolio ({string.Join(", ", Assets)}).");
        }
    }
}
