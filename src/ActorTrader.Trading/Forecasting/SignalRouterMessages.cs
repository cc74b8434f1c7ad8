using ActorTrader.Actors;
using ActorTrader.Quant.Forecasting.Signals;

namespace ActorTrader.Trading.Forecasting;

/// <summary>A strategy asks for forecast signals; answered with <see cref="ForecastSubscription"/>.</summary>
public sealed record SubscribeForecasts(IActorRef Consumer);

/// <summary>Stops sending to <paramref name="Consumer"/>.</summary>
public sealed record UnsubscribeForecasts(IActorRef Consumer);

/// <summary>Whether the subscription will receive anything; when routing is off, says so and why.</summary>
public sealed record ForecastSubscription(bool RoutingEnabled, string Detail);

/// <summary>The routed signal for one symbol of a run; <paramref name="PassedOver"/> says why earlier models in the order were not used.</summary>
public sealed record RoutedForecast(string RunId, Signal Signal, IReadOnlyList<string> PassedOver);

/// <summary>No model may be routed for this symbol in this run; consumers should trade without a forecast.</summary>
public sealed record ForecastUnavailable(string RunId, string Symbol, IReadOnlyList<string> Reasons);
