using System.Globalization;

namespace ActorTrader.Backtest.Reports;

/// <summary>Diverging colours for the heat map: white at zero, green for gains and red for losses, full colour at ±<c>maxAbs</c>.</summary>
internal static class ColourScale
{
    private static readonly (int R, int G, int B) Gain = (26, 152, 80);
    private static readonly (int R, int G, int B) Loss = (215, 48, 39);

    /// <summary>How far towards full colour the value is, in [0, 1].</summary>
    public static double Intensity(double value, double maxAbs) =>
        maxAbs > 0 && double.IsFinite(value) ? Math.Clamp(Math.Abs(value) / maxAbs, 0, 1) : 0;

    public static string Background(double value, double maxAbs)
    {
        var t = Intensity(value, maxAbs);
        var target = value < 0 ? Loss : Gain;
        return "#" + Channel(target.R, t) + Channel(target.G, t) + Channel(target.B, t);
    }

    /// <summary>White text on strong colours, dark text elsewhere.</summary>
    public static string Foreground(double value, double maxAbs) => Intensity(value, maxAbs) > 0.6 ? "#ffffff" : "#1b1b1b";

    private static string Channel(int target, double t) =>
        ((int)Math.Round(255 + (target - 255) * t, MidpointRounding.AwayFromZero)).ToString("x2", CultureInfo.InvariantCulture);
}
