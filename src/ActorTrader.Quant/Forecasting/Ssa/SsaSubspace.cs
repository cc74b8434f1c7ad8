using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Forecasting.Ssa;

/// <summary>
/// The signal subspace of singular spectrum analysis (Golyandina, Nekrutkin &amp; Zhigljavsky 2001): the leading
/// <see cref="Rank"/> eigenvectors of the lag-covariance Σ X_j X_jᵀ of the L-lagged vectors of one series (SSA) or of
/// several stacked side by side (horizontal MSSA), and the linear recurrence (LRR) they imply:
/// x_n = Σ_{k&lt;L−1} R_k x_{n−L+1+k} with R = Σ π_i U_i^∇ / (1 − ν²), π_i the last entry of U_i and ν² = Σ π_i².
/// </summary>
public sealed class SsaSubspace
{
    private readonly double[][] _vectors;

    private SsaSubspace(int window, double[][] vectors, double[] recurrence, double explained)
    {
        Window = window;
        _vectors = vectors;
        Recurrence = recurrence;
        ExplainedShare = explained;
    }

    public int Window { get; }

    public int Rank => _vectors.Length;

    /// <summary>The LRR coefficients R_0..R_{L−2} (oldest first).</summary>
    public IReadOnlyList<double> Recurrence { get; }

    /// <summary>Share of the lag-covariance trace the leading eigenvectors carry.</summary>
    public double ExplainedShare { get; }

    /// <summary>Fits the subspace over lagged vectors [first, first + count) of every series (count null: all of them).</summary>
    public static SsaSubspace Fit(IReadOnlyList<double[]> series, int window, int rank, int first = 0, int? count = null)
    {
        if (window < 2) throw new ArgumentOutOfRangeException(nameof(window), window, "The SSA window must be at least 2 bars.");
        if (rank < 1 || rank >= window) throw new ArgumentOutOfRangeException(nameof(rank), rank, $"The SSA rank must be between 1 and window − 1 = {window - 1}.");
        var covariance = new double[window, window];
        foreach (var x in series)
        {
            var vectors = count ?? x.Length - window + 1 - first;
            if (first < 0 || vectors < window || first + vectors + window - 1 > x.Length)
                throw new ArgumentException($"A series of {x.Length} values has too few lagged vectors for window {window} (need at least {window} from position {first}); use a longer series or a smaller window.", nameof(series));
            AddLagCovariance(x, window, first, vectors, covariance);
        }
        var matrix = Matrix<double>.Build.DenseOfArray(covariance);
        var evd = matrix.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(v => v.Real).ToArray();
        var order = Enumerable.Range(0, window).OrderByDescending(i => values[i]).ThenBy(i => i).ToArray();
        var vectorsOut = new double[rank][];
        var trace = values.Sum();
        var kept = 0.0;
        for (var i = 0; i < rank; i++)
        {
            var column = evd.EigenVectors.Column(order[i]).ToArray();
            // Eigenvectors are defined up to sign; fix it so results are reproducible across platforms.
            var largest = column.MaxBy(Math.Abs);
            if (largest < 0) for (var k = 0; k < column.Length; k++) column[k] = -column[k];
            vectorsOut[i] = column;
            kept += values[order[i]];
        }
        var nu2 = vectorsOut.Sum(u => u[^1] * u[^1]);
        var recurrence = new double[window - 1];
        if (nu2 < 1 - 1e-9)
        {
            foreach (var u in vectorsOut)
                for (var k = 0; k < window - 1; k++) recurrence[k] += u[^1] * u[k] / (1 - nu2);
        }
        else recurrence = [];
        return new SsaSubspace(window, vectorsOut, recurrence, trace > 0 ? kept / trace : 0);
    }

    /// <summary>‖X − U Uᵀ X‖² for the lagged vector starting at <paramref name="start"/>.</summary>
    public double Distance(ReadOnlySpan<double> x, int start)
    {
        var total = 0.0;
        for (var k = 0; k < Window; k++) total += x[start + k] * x[start + k];
        foreach (var u in _vectors)
        {
            var dot = 0.0;
            for (var k = 0; k < Window; k++) dot += u[k] * x[start + k];
            total -= dot * dot;
        }
        return Math.Max(total, 0);
    }

    /// <summary>The rank-r reconstruction (diagonal averaging of the projected trajectory) of positions [from, x.Length).</summary>
    public double[] Reconstruct(ReadOnlySpan<double> x, int from = 0)
    {
        var n = x.Length;
        var l = Window;
        var k = n - l + 1;
        if (k < 1) throw new ArgumentException($"The series has {n} values, fewer than the SSA window {l}.", nameof(x));
        var sums = new double[n - from];
        var counts = new int[n - from];
        var projected = new double[l];
        var firstVector = Math.Max(0, from - l + 1);
        for (var j = firstVector; j < k; j++)
        {
            Array.Clear(projected);
            foreach (var u in _vectors)
            {
                var dot = 0.0;
                for (var i = 0; i < l; i++) dot += u[i] * x[j + i];
                for (var i = 0; i < l; i++) projected[i] += dot * u[i];
            }
            for (var i = 0; i < l; i++)
            {
                var t = j + i;
                if (t < from) continue;
                sums[t - from] += projected[i];
                counts[t - from]++;
            }
        }
        for (var t = 0; t < sums.Length; t++) sums[t] /= counts[t];
        return sums;
    }

    /// <summary>Recurrent forecast: the LRR run from the reconstructed last L − 1 values for <paramref name="horizon"/> steps.</summary>
    public double[] Forecast(ReadOnlySpan<double> x, int horizon)
    {
        if (Recurrence.Count == 0)
            throw new ModelFitException($"SSA: the verticality coefficient ν² of the leading {Rank} eigenvectors is 1, so no linear recurrence exists; use a smaller rank or a longer window.");
        var l = Window;
        var tail = Reconstruct(x, x.Length - (l - 1));
        var buffer = new double[l - 1 + horizon];
        Array.Copy(tail, buffer, l - 1);
        for (var h = 0; h < horizon; h++)
        {
            var value = 0.0;
            for (var i = 0; i < l - 1; i++) value += Recurrence[i] * buffer[h + i];
            buffer[l - 1 + h] = value;
        }
        return buffer[(l - 1)..];
    }

    // Σ_j x[j+a] x[j+b] over j in [first, first + count): the first row directly, the rest by sliding along diagonals.
    private static void AddLagCovariance(double[] x, int window, int first, int count, double[,] covariance)
    {
        var row = new double[window];
        for (var b = 0; b < window; b++)
        {
            var s = 0.0;
            for (var j = first; j < first + count; j++) s += x[j] * x[j + b];
            row[b] = s;
        }
        for (var b = 0; b < window; b++)
        {
            var value = row[b];
            for (var a = 0; a + b < window; a++)
            {
                if (a > 0) value += x[first + count - 1 + a] * x[first + count - 1 + a + b] - x[first + a - 1] * x[first + a - 1 + b];
                covariance[a, a + b] += value;
                if (b > 0) covariance[a + b, a] += value;
            }
        }
    }
}
