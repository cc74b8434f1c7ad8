using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Cli.Optimize;

/// <summary>A wide price table: one row per date, one column per ticker, NaN where a ticker had no price.</summary>
public sealed record WidePrices(IReadOnlyList<string> Dates, IReadOnlyList<string> Tickers, Matrix<double> Prices);
