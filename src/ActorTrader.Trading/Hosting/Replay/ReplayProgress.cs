namespace ActorTrader.Trading.Host.Replay;

/// <summary>How far a replay is, for the status API and the progress bar: thread-safe, read while the replay runs.</summary>
public sealed class ReplayProgress
{
    private readonly Lock _gate = new();
    private ReplayProgressView _view;

    public ReplayProgress(string runId, DateOnly start, int total) => _view = new ReplayProgressView(runId, start, total, 0, null, null, 0, false);

    public ReplayProgressView View
    {
        get
        {
            lock (_gate) return _view;
        }
    }

    /// <summary>Days already done before this process (a resumed replay).</summary>
    public void Resume(int completed, DateOnly? lastDate, decimal? lastNav, int ledgerFillCount)
    {
        lock (_gate) _view = _view with { Completed = completed, LastDate = lastDate, LastNav = lastNav, LedgerFillCount = ledgerFillCount };
    }

    public void DayDone(DateOnly date, decimal nav, int ledgerFillCount)
    {
        lock (_gate) _view = _view with { Completed = _view.Completed + 1, LastDate = date, LastNav = nav, LedgerFillCount = ledgerFillCount };
    }

    public void Finish()
    {
        lock (_gate) _view = _view with { Finished = true };
    }
}

/// <summary>A replay's progress: days completed of the total, the last completed date and its NAV.</summary>
public sealed record ReplayProgressView(string RunId, DateOnly Start, int Total, int Completed, DateOnly? LastDate, decimal? LastNav, int LedgerFillCount, bool Finished);
