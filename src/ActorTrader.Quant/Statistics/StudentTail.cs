using MathNet.Numerics.Distributions;

namespace ActorTrader.Quant.Statistics;

/// <summary>p-values of a t statistic under each alternative (MathNet's Student t).</summary>
internal static class StudentTail
{
    public static double PValue(double t, double degreesOfFreedom, Alternative alternative)
    {
        if (double.IsNaN(t)) return double.NaN;
        return alternative switch
        {
            Alternative.Greater => StudentT.CDF(0, 1, degreesOfFreedom, -t),
            Alternative.Less => StudentT.CDF(0, 1, degreesOfFreedom, t),
            _ => Math.Min(1, 2 * StudentT.CDF(0, 1, degreesOfFreedom, -Math.Abs(t))),
        };
    }
}
