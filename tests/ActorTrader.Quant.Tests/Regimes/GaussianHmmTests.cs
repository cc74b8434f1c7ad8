using ActorTrader.Quant.Regimes;
using ActorTrader.Quant.Tests.Statistics;

namespace ActorTrader.Quant.Tests.Regimes;

public class GaussianHmmTests
{
    // Two persistent regimes: calm N(0.0005, 0.008²) and turbulent N(−0.001, 0.025²), staying with probability 0.98 / 0.95.
    private static (double[] Returns, int[] States) Simulate(int seed, int length = 2000)
    {
        var rng = new SeededNormal(seed);
        var returns = new double[length];
        var states = new int[length];
        var s = 0;
        for (var t = 0; t < length; t++)
        {
            if (t > 0 && rng.Uniform() > (s == 0 ? 0.98 : 0.95)) s = 1 - s;
            states[t] = s;
            returns[t] = s == 0 ? rng.Next(0.0005, 0.008) : rng.Next(-0.001, 0.025);
        }
        return (returns, states);
    }

    [Fact]
    public void Viterbi_path_recovers_the_simulated_regimes()
    {
        var (returns, states) = Simulate(42);
        var fit = GaussianHmm.Fit(returns);
        var path = fit.Viterbi(returns);
        var accuracy = path.Zip(states).Count(p => p.First == p.Second) / (double)states.Length;
        Assert.True(accuracy > 0.9, $"accuracy {accuracy}");
    }

    [Fact]
    public void Fitted_parameters_are_near_the_true_ones_and_ordered_calm_first()
    {
        var (returns, _) = Simulate(42);
        var fit = GaussianHmm.Fit(returns);
        Assert.True(fit.Converged);
        Assert.InRange(Math.Sqrt(fit.Variances[0]), 0.006, 0.010);
        Assert.InRange(Math.Sqrt(fit.Variances[1]), 0.020, 0.030);
        Assert.InRange(fit.Transitions[0, 0], 0.95, 0.995);
    }

    [Fact]
    public void Transition_rows_and_posteriors_are_probabilities()
    {
        var (returns, _) = Simulate(5, 600);
        var fit = GaussianHmm.Fit(returns);
        for (var i = 0; i < 2; i++) Assert.Equal(1, fit.Transitions.Row(i).Sum(), 12);
        var posteriors = fit.Posteriors(returns);
        for (var t = 0; t < returns.Length; t++) Assert.Equal(1, posteriors.Row(t).Sum(), 12);
        Assert.Equal(1, fit.InitialProbabilities.Sum(), 12);
    }

    [Fact]
    public void Fitting_is_deterministic()
    {
        var (returns, _) = Simulate(6, 800);
        var a = GaussianHmm.Fit(returns);
        var b = GaussianHmm.Fit(returns);
        Assert.Equal(a.LogLikelihood, b.LogLikelihood);
        Assert.Equal(a.Means, b.Means);
        Assert.Equal(a.Iterations, b.Iterations);
    }

    [Fact]
    public void Iteration_cap_is_reported_as_not_converged()
    {
        var (returns, _) = Simulate(6, 800);
        var fit = GaussianHmm.Fit(returns, maxIterations: 2);
        Assert.False(fit.Converged);
        Assert.Equal(2, fit.Iterations);
        Assert.Equal(2, fit.MaxIterations);
    }

    [Fact]
    public void More_iterations_never_lower_the_likelihood()
    {
        var (returns, _) = Simulate(8, 800);
        var few = GaussianHmm.Fit(returns, maxIterations: 3).LogLikelihood;
        var many = GaussianHmm.Fit(returns).LogLikelihood;
        Assert.True(many >= few - 1e-9);
    }

    [Fact]
    public void Too_short_series_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => GaussianHmm.Fit([0.01, 0.02, -0.01]));
        Assert.Equal("observations", e.ParamName);
    }
}
