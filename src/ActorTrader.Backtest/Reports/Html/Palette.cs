namespace ActorTrader.Backtest.Reports;

/// <summary>Line colours, distinguishable and in a fixed order so the same report always draws the same colours.</summary>
internal static class Palette
{
    public const string Portfolio = "#1f5fa8";
    public const string Benchmark = "#8c8c8c";
    public const string Drawdown = "#c0392b";
    public const string Sharpe = "#6a3d9a";

    private static readonly string[] Lines = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#393b79"];

    public static string Colour(int index) => Lines[index % Lines.Length];
}
