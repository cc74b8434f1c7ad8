namespace ActorTrader.Backtest.Simulation;

/// <summary>Which simulator runs a backtest: the fast weights × returns one, or the order-and-fill one with costs.</summary>
public enum SimulatorKind
{
    Vectorised,
    EventDriven,
}
