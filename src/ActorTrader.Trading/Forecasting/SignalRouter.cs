using ActorTrader.Actors;
using ActorTrader.Backtest.Forecasting;

namespace ActorTrader.Trading.Forecasting;

/// <summary>
/// Routes the model runner's signals to the strategies that subscribe. Behind the <c>forecasting.router.enabled</c>
/// feature flag: when off it routes nothing and tells subscribers so. When on, after each completed run it re-reads the
/// latest validation report and sends each consumer, per symbol, the signal <see cref="SignalRouting"/> chooses, or
/// <see cref="ForecastUnavailable"/> with the reasons. An unreadable report routes nothing (fail closed).
/// </summary>
public sealed class SignalRouter : ReceiveActor
{
    private readonly ForecastingSettings _settings;
    private readonly Func<ValidationReport?> _loadValidation;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly HashSet<IActorRef> _consumers = [];

    public SignalRouter(ForecastingSettings settings, Func<ValidationReport?> loadValidation)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _loadValidation = loadValidation ?? throw new ArgumentNullException(nameof(loadValidation));
        Receive<SubscribeForecasts>(Subscribe);
        Receive<UnsubscribeForecasts>(u =>
        {
            _consumers.Remove(u.Consumer);
            Context.Unwatch(u.Consumer);
        });
        Receive<Terminated>(t => _consumers.Remove(t.ActorRef));
        Receive<ForecastsCompleted>(Route);
    }

    public static Props Props(ForecastingSettings settings, ValidationStore store) => Props(settings, store.LoadLatest);

    public static Props Props(ForecastingSettings settings, Func<ValidationReport?> loadValidation) =>
        Actors.Props.Create(() => new SignalRouter(settings, loadValidation));

    protected override void PreStart()
    {
        if (_settings.RouterEnabled) Context.System.EventStream.Subscribe(Self, typeof(ForecastsCompleted));
        else _log.Info("Forecast signal routing is off (actortrader.forecasting.router.enabled = off)");
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void Subscribe(SubscribeForecasts subscribe)
    {
        if (!_settings.RouterEnabled)
        {
            Sender.Tell(new ForecastSubscription(false, "forecast routing is off; set actortrader.forecasting.router.enabled = on to receive signals"));
            return;
        }
        if (_consumers.Add(subscribe.Consumer)) Context.Watch(subscribe.Consumer);
        Sender.Tell(new ForecastSubscription(true, $"primary {_settings.Primary}, fallbacks [{string.Join(", ", _settings.Fallbacks)}], GREEN only"));
    }

    private void Route(ForecastsCompleted completed)
    {
        if (!_settings.RouterEnabled || _consumers.Count == 0) return;
        ValidationReport? report;
        string? loadError = null;
        try
        {
            report = _loadValidation();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            report = null;
            loadError = e.Message;
            _log.Error("Forecast run {RunId}: no signals routed, the validation report cannot be read: {Error}", completed.RunId, e.Message);
        }
        var symbols = completed.Signals.Select(s => s.Symbol).Concat(completed.Failures.Select(f => f.Symbol)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            var (signal, reasons) = loadError is null
                ? SignalRouting.Choose(symbol, completed.Signals, report, _settings.Primary, _settings.Fallbacks)
                : (null, [$"the validation report cannot be read: {loadError}"]);
            object message = signal is null ? new ForecastUnavailable(completed.RunId, symbol, reasons) : new RoutedForecast(completed.RunId, signal, reasons);
            foreach (var consumer in _consumers) consumer.Tell(message);
        }
    }
}
