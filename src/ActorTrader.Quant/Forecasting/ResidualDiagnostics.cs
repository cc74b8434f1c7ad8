using ActorTrader.Quant.Statistics;

namespace ActorTrader.Quant.Forecasting;

/// <summary>
/// Ljung–Box and Jarque–Bera on a fit's residuals. Both are always reported: a test that could not be computed carries
/// the reason instead of a result, so nothing is dropped silently.
/// </summary>
public sealed record ResidualDiagnostics(int Lags, TestResult? LjungBox, string? LjungBoxNotComputed, TestResult? JarqueBera, string? JarqueBeraNotComputed)
{
    /// <summary>Runs both tests on <paramref name="residuals"/>; <paramref name="fittedParameters"/> ARMA coefficients reduce Ljung–Box's degrees of freedom.</summary>
    public static ResidualDiagnostics Of(ReadOnlySpan<double> residuals, int fittedParameters = 0)
    {
        var lags = Math.Max(fittedParameters + 1, Math.Min(10, residuals.Length / 5));
        TestResult? ljungBox = null, jarqueBera = null;
        string? ljungBoxReason = null, jarqueBeraReason = null;
        try { ljungBox = Statistics.LjungBox.Test(residuals, lags, fittedParameters); }
        catch (ArgumentException e) { ljungBoxReason = e.Message; }
        try { jarqueBera = Statistics.JarqueBera.Test(residuals); }
        catch (ArgumentException e) { jarqueBeraReason = e.Message; }
        return new ResidualDiagnostics(lags, ljungBox, ljungBoxReason, jarqueBera, jarqueBeraReason);
    }

    /// <summary>One line for logs and reports.</summary>
    public string Describe() =>
        (LjungBox is { } lb ? $"Ljung-Box({Lags}) Q={lb.Statistic:0.##} p={lb.PValue:0.####}" : $"Ljung-Box not computed: {LjungBoxNotComputed}")
        + "; " + (JarqueBera is { } jb ? $"Jarque-Bera={jb.Statistic:0.##} p={jb.PValue:0.####}" : $"Jarque-Bera not computed: {JarqueBeraNotComputed}");
}
