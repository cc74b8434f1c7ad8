using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Regimes;

/// <summary>
/// A Gaussian hidden Markov model fitted by <see cref="GaussianHmm.Fit"/>. States are ordered by ascending variance
/// (state 0 = calmest), so labels are comparable across fits.
/// </summary>
/// <param name="InitialProbabilities">π_i, probability of starting in state i.</param>
/// <param name="Transitions">A[i, j] = P(state j at t + 1 | state i at t); rows sum to 1.</param>
/// <param name="Means">Emission mean of each state.</param>
/// <param name="Variances">Emission variance of each state.</param>
/// <param name="LogLikelihood">log P(observations | model) at the final parameters.</param>
/// <param name="Iterations">EM iterations performed.</param>
/// <param name="Converged">True when the log-likelihood gain fell below <paramref name="Tolerance"/> before <paramref name="MaxIterations"/>.</param>
/// <param name="Tolerance">Convergence tolerance on the log-likelihood gain per iteration.</param>
/// <param name="MaxIterations">Iteration cap.</param>
public sealed record GaussianHmmFit(
    IReadOnlyList<double> InitialProbabilities,
    Matrix<double> Transitions,
    IReadOnlyList<double> Means,
    IReadOnlyList<double> Variances,
    double LogLikelihood,
    int Iterations,
    bool Converged,
    double Tolerance,
    int MaxIterations)
{
    /// <summary>Number of hidden states.</summary>
    public int States => Means.Count;

    /// <summary>Most likely state sequence (Viterbi, in log space) for <paramref name="observations"/> under this model.</summary>
    public int[] Viterbi(ReadOnlySpan<double> observations) => GaussianHmm.Viterbi(this, observations);

    /// <summary>P(state i at t | all observations) as a T × K matrix (forward–backward with scaling).</summary>
    public Matrix<double> Posteriors(ReadOnlySpan<double> observations) => GaussianHmm.Posteriors(this, observations);
}
