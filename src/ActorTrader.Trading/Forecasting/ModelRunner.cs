using ActorTrader.Actors;
using ActorTrader.Backtest.Forecasting;
using ActorTrader.Quant.Forecasting;
using ActorTrader.Quant.Forecasting.Signals;

namespace ActorTrader.Trading.Forecasting;

/// <summary>
/// Runs every enabled forecasting model on every symbol of a universe, at most <c>runner.max-parallel</c> fits at once,
/// each on the thread pool. A model that throws, returns an unusable forecast or runs past <c>runner.model-timeout</c> is
/// reported (logged at Warning, published as <see cref="ForecastModelFailed"/>) and the run goes on: a timed-out fit is
/// cancelled and its late result ignored, so it never holds up the other models' signals. Each signal is published as
/// soon as it is ready (<see cref="ForecastSignalProduced"/>) with its provenance: model, version, fingerprint of the
/// bars, and times. Runs asked for while one is under way wait their turn.
/// </summary>
public sealed class ModelRunner : ReceiveActor, IWithTimers, IWithStash
{
    private readonly IReadOnlyList<IForecastModel> _models;
    private readonly ForecastingSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Queue<Job> _pending = new();
    private readonly Dictionary<long, (Job Job, CancellationTokenSource Cancellation)> _running = [];
    private long _nextJob;
    private Run? _run;

    public ModelRunner(IReadOnlyList<IForecastModel> models, ForecastingSettings settings)
    {
        _models = models ?? throw new ArgumentNullException(nameof(models));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        Idle();
    }

    public ITimerScheduler Timers { get; set; } = null!;
    public IStash Stash { get; set; } = null!;

    /// <summary>A runner with the models named in <paramref name="settings"/>.</summary>
    public static Props Props(ForecastingSettings settings) =>
        Props(settings.Models.Select(ForecastModels.Create).ToArray(), settings);

    public static Props Props(IReadOnlyList<IForecastModel> models, ForecastingSettings settings) =>
        Actors.Props.Create(() => new ModelRunner(models, settings));

    private void Idle()
    {
        Receive<RunForecasts>(Start);
    }

    private void Busy()
    {
        Receive<RunForecasts>(_ => Stash.Stash());
        Receive<JobSucceeded>(Succeeded);
        Receive<JobFailed>(Failed);
        Receive<JobTimedOut>(TimedOut);
    }

    private void Start(RunForecasts command)
    {
        var horizon = command.Horizon ?? _settings.Horizon;
        _run = new Run(command.RunId, Sender, horizon);
        foreach (var series in command.Series)
        {
            // Each model sees the same most recent bars; the fingerprint names exactly those bars.
            var take = Math.Min(series.Length, _settings.History);
            var times = series.Times.Skip(series.Length - take).ToArray();
            var logs = series.LogPrices.AsSpan(series.Length - take, take).ToArray();
            if (take < 2)
            {
                foreach (var model in _models) _run.Failures.Add(new ModelFailure(command.RunId, series.Symbol, model.Name, model.Version, $"only {take} bars; a model needs at least 2", false));
                continue;
            }
            var fingerprint = DataFingerprint.Of(series.Symbol, times, logs);
            foreach (var model in _models) _pending.Enqueue(new Job(++_nextJob, series.Symbol, model, times, logs, fingerprint));
        }
        _log.Info("Forecast run {RunId}: {Jobs} model fits ({Models}) on {Symbols} symbols, horizon {Horizon}", command.RunId, _pending.Count,
            string.Join(", ", _models.Select(m => m.Name)), command.Series.Count, horizon);
        Become(Busy);
        StartJobs();
    }

    private void StartJobs()
    {
        var run = _run!;
        while (_running.Count < _settings.MaxParallel && _pending.TryDequeue(out var job))
        {
            var cancellation = new CancellationTokenSource();
            _running[job.Id] = (job, cancellation);
            Timers.StartSingleTimer(job.Id, new JobTimedOut(job.Id), _settings.ModelTimeout);
            var token = cancellation.Token;
            var horizon = run.Horizon;
            Task.Run(() => Execute(job, horizon, token), CancellationToken.None)
                .PipeTo(Self, Self, result => new JobSucceeded(job.Id, result.Forecast, result.Fitted), error => new JobFailed(job.Id, error));
        }
        if (_running.Count == 0 && _pending.Count == 0) Complete();
    }

    private static (Forecast Forecast, IFittedModel Fitted) Execute(Job job, int horizon, CancellationToken token)
    {
        var fitted = job.Model.Fit(job.LogPrices, token);
        token.ThrowIfCancellationRequested();
        return (fitted.Forecast(job.LogPrices, horizon), fitted);
    }

    private void Succeeded(JobSucceeded done)
    {
        if (!_running.Remove(done.Id, out var entry)) return; // already timed out; its late result is ignored
        Timers.Cancel(done.Id);
        entry.Cancellation.Dispose();
        var job = entry.Job;
        var run = _run!;
        run.Diagnostics.Add(new ModelDiagnostics(job.Symbol, job.Model.Name, done.Fitted.Diagnostics.Describe(), done.Fitted.Notes));
        try
        {
            var signal = SignalNormalizer.Normalize(done.Forecast, job.Symbol, job.Model.Name, job.Model.Version, job.Fingerprint,
                Context.System.Scheduler.Now.UtcDateTime, job.Times[^1].ToUniversalTime());
            run.Signals.Add(signal);
            Context.System.EventStream.Publish(new ForecastSignalProduced(run.Id, signal));
        }
        catch (ArgumentException e)
        {
            Fail(job, e.Message, timedOut: false);
        }
        StartJobs();
    }

    private void Failed(JobFailed failed)
    {
        if (!_running.Remove(failed.Id, out var entry)) return;
        Timers.Cancel(failed.Id);
        entry.Cancellation.Dispose();
        var error = failed.Error is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerException! : failed.Error;
        Fail(entry.Job, error is ModelFitException ? error.Message : $"{error.GetType().Name}: {error.Message}", timedOut: false);
        StartJobs();
    }

    private void TimedOut(JobTimedOut timeout)
    {
        if (!_running.Remove(timeout.Id, out var entry)) return;
        // Cancel what can be cancelled; a model that ignores the token keeps its pool thread until it returns, and its
        // result is dropped then.
        entry.Cancellation.Cancel();
        Fail(entry.Job, $"did not finish within {_settings.ModelTimeout} (actortrader.forecasting.runner.model-timeout); abandoned", timedOut: true);
        StartJobs();
    }

    private void Fail(Job job, string reason, bool timedOut)
    {
        var failure = new ModelFailure(_run!.Id, job.Symbol, job.Model.Name, job.Model.Version, reason, timedOut);
        _run.Failures.Add(failure);
        _log.Warning("Forecast run {RunId}: model {Model} {Version} failed on {Symbol}: {Reason}", failure.RunId, failure.Model, failure.Version, failure.Symbol, reason);
        Context.System.EventStream.Publish(new ForecastModelFailed(failure));
    }

    private void Complete()
    {
        var run = _run!;
        _run = null;
        var completed = new ForecastsCompleted(run.Id, run.Signals.ToArray(), run.Failures.ToArray(), run.Diagnostics.ToArray());
        _log.Info("Forecast run {RunId}: {Signals} signals, {Failures} failures", run.Id, completed.Signals.Count, completed.Failures.Count);
        run.Requester.Tell(completed);
        Context.System.EventStream.Publish(completed);
        Become(Idle);
        Stash.Unstash();
    }

    protected override void PostStop()
    {
        foreach (var (_, cancellation) in _running.Values) cancellation.Cancel();
        base.PostStop();
    }

    private sealed record Job(long Id, string Symbol, IForecastModel Model, DateTime[] Times, double[] LogPrices, string Fingerprint);

    private sealed record JobSucceeded(long Id, Forecast Forecast, IFittedModel Fitted);

    private sealed record JobFailed(long Id, Exception Error);

    private sealed record JobTimedOut(long Id);

    private sealed class Run(string id, IActorRef requester, int horizon)
    {
        public string Id { get; } = id;
        public IActorRef Requester { get; } = requester;
        public int Horizon { get; } = horizon;
        public List<Signal> Signals { get; } = [];
        public List<ModelFailure> Failures { get; } = [];
        public List<ModelDiagnostics> Diagnostics { get; } = [];
    }
}
