using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Portfolio;

/// <summary>
/// What every optimiser sees: the assets, their periodic returns (rows = periods, columns = assets, no NaN),
/// the expected returns and covariance estimated from them (same periodicity as the caller chose, usually
/// annualised), and the constraints. Optimisers that need scenarios (CVaR, CDaR, MAD, HRP) read <see cref="Returns"/>;
/// mean-variance ones read <see cref="ExpectedReturns"/> and <see cref="Covariance"/>.
/// </summary>
public sealed record PortfolioProblem(
    IReadOnlyList<string> Assets,
    Matrix<double> Returns,
    Vector<double> ExpectedReturns,
    Matrix<double> Covariance,
    PortfolioConstraints Constraints)
{
    /// <summary>Number of assets.</summary>
    public int Count => Assets.Count;
}
