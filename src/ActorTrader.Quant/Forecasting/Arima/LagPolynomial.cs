using MathNet.Numerics;

namespace ActorTrader.Quant.Forecasting.Arima;

/// <summary>Lag polynomials c(B) = c0 + c1 B + c2 B² + … as coefficient arrays (index = lag).</summary>
internal static class LagPolynomial
{
    public static double[] Multiply(double[] a, double[] b)
    {
        var product = new double[a.Length + b.Length - 1];
        for (var i = 0; i < a.Length; i++)
            if (a[i] != 0)
                for (var j = 0; j < b.Length; j++) product[i + j] += a[i] * b[j];
        return product;
    }

    /// <summary>1 − Σ φ_i B^(i·step) for an AR part, or 1 + Σ θ_i B^(i·step) for an MA part (<paramref name="sign"/> ±1).</summary>
    public static double[] FromCoefficients(ReadOnlySpan<double> coefficients, int step, double sign)
    {
        var polynomial = new double[coefficients.Length * step + 1];
        polynomial[0] = 1;
        for (var i = 0; i < coefficients.Length; i++) polynomial[(i + 1) * step] = sign * coefficients[i];
        return polynomial;
    }

    /// <summary>(1 − B)^d (1 − B^s)^D.</summary>
    public static double[] Differencing(int d, int seasonalD, int period)
    {
        double[] polynomial = [1];
        for (var i = 0; i < d; i++) polynomial = Multiply(polynomial, [1, -1]);
        for (var i = 0; i < seasonalD; i++)
        {
            var seasonal = new double[period + 1];
            seasonal[0] = 1;
            seasonal[period] = -1;
            polynomial = Multiply(polynomial, seasonal);
        }
        return polynomial;
    }

    /// <summary>True when every root of the polynomial lies outside the unit circle (stationary AR / invertible MA).</summary>
    public static bool RootsOutsideUnitCircle(double[] polynomial, out double smallestRootModulus)
    {
        var degree = polynomial.Length - 1;
        while (degree > 0 && polynomial[degree] == 0) degree--;
        if (degree == 0)
        {
            smallestRootModulus = double.PositiveInfinity;
            return true;
        }
        var roots = FindRoots.Polynomial(polynomial[..(degree + 1)]);
        smallestRootModulus = roots.Min(root => root.Magnitude);
        return smallestRootModulus > 1.0001;
    }

    /// <summary>Applies the polynomial as a filter: y_t = Σ c_l x_{t−l} for t ≥ degree (earlier entries are dropped).</summary>
    public static double[] Apply(double[] polynomial, ReadOnlySpan<double> x)
    {
        var degree = polynomial.Length - 1;
        if (x.Length <= degree) return [];
        var y = new double[x.Length - degree];
        for (var t = degree; t < x.Length; t++)
        {
            var s = 0.0;
            for (var l = 0; l <= degree; l++) s += polynomial[l] * x[t - l];
            y[t - degree] = s;
        }
        return y;
    }
}
