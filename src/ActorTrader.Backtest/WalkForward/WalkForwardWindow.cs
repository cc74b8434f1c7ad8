namespace ActorTrader.Backtest.WalkForward;

/// <summary>One window: train bars [TrainStart, TrainEnd), test bars [TestStart, TestEnd) (indices into the panel), with their first and last bar times.</summary>
public sealed record WalkForwardWindow(
    int Index,
    int TrainStart,
    int TrainEnd,
    int TestStart,
    int TestEnd,
    DateTimeOffset TrainFirst,
    DateTimeOffset TrainLast,
    DateTimeOffset TestFirst,
    DateTimeOffset TestLast);
