using ActorTrader.Backtest.EventDriven;
using ActorTrader.Backtest.Market;
using ActorTrader.Backtest.Results;
using ActorTrader.Backtest.Vectorised;
using ActorTrader.Backtest.Weights;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Backtest.Simulation;

/// <summary>
/// A choice of simulator with the settings of both, so callers (strategy backtests, walk-forward, the CLI) can switch
/// between them with one value. Defaults: event-driven with its default costs.
/// </summary>
public sealed record SimulatorSetup
{
    public SimulatorKind Kind { get; init; } = SimulatorKind.EventDriven;

    public VectorisedOptions Vectorised { get; init; } = new();

    public EventDrivenOptions EventDriven { get; init; } = new();

    /// <summary>Names used on the command line and in reports.</summary>
    public static string NameOf(SimulatorKind kind) => kind == SimulatorKind.Vectorised ? VectorisedSimulator.Name : EventDrivenSimulator.Name;

    /// <summary>Parses <c>vectorised</c> / <c>event-driven</c>.</summary>
    public static SimulatorKind ParseKind(string text) =>
        text?.Trim().ToLowerInvariant() switch
        {
            "vectorised" or "vectorized" => SimulatorKind.Vectorised,
            "event-driven" => SimulatorKind.EventDriven,
            _ => throw new FormatException($"Simulator \"{text}\" is not known. Fix: use vectorised or event-driven."),
        };

    /// <summary>Simulates <paramref name="weights"/> over <paramref name="panel"/>; <paramref name="returns"/> is reused when given (vectorised only).</summary>
    public BacktestResult Run(BarPanel panel, WeightsSchedule weights, ReturnsMatrix? returns = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return Kind == SimulatorKind.Vectorised
            ? VectorisedSimulator.Run(returns ?? ReturnsMatrix.FromPanel(panel), weights, Vectorised)
            : EventDrivenSimulator.Run(panel, weights, EventDriven, cancellationToken);
    }
}
