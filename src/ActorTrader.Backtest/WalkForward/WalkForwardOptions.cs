namespace ActorTrader.Backtest.WalkForward;

/// <summary>
/// Window geometry: train on <see cref="TrainBars"/>, test on the next <see cref="TestBars"/>, move on by
/// <see cref="StepBars"/> (1 ≤ step ≤ test, so the test windows leave no gap). Rolling windows keep the train length;
/// anchored ones keep bar 0 as the train start and grow.
/// </summary>
public sealed record WalkForwardOptions
{
    public WalkForwardOptions(int trainBars, int testBars, int? stepBars = null, bool anchored = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trainBars, 4);
        ArgumentOutOfRangeException.ThrowIfLessThan(testBars, 1);
        var step = stepBars ?? testBars;
        if (step < 1 || step > testBars)
            throw new ArgumentOutOfRangeException(nameof(stepBars), step, $"Step must be between 1 and the test length {testBars}, so every out-of-sample bar belongs to a test window.");
        TrainBars = trainBars;
        TestBars = testBars;
        StepBars = step;
        Anchored = anchored;
    }

    public int TrainBars { get; }

    public int TestBars { get; }

    public int StepBars { get; }

    public bool Anchored { get; }

    /// <summary>The windows that fit completely in <paramref name="times"/>, in time order.</summary>
    public IReadOnlyList<WalkForwardWindow> Windows(IReadOnlyList<DateTimeOffset> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        var windows = new List<WalkForwardWindow>();
        for (var k = 0; ; k++)
        {
            var trainEnd = TrainBars + k * StepBars;
            var testEnd = trainEnd + TestBars;
            if (testEnd > times.Count) break;
            var trainStart = Anchored ? 0 : k * StepBars;
            windows.Add(new WalkForwardWindow(k, trainStart, trainEnd, trainEnd, testEnd,
                times[trainStart], times[trainEnd - 1], times[trainEnd], times[testEnd - 1]));
        }
        if (windows.Count == 0)
            throw new ArgumentException($"{times.Count} bars hold no walk-forward window of {TrainBars} train + {TestBars} test bars. Fix: use more data or shorter windows.", nameof(times));
        return windows;
    }
}
