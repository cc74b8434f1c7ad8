using ActorTrader.Backtest.Forecasting;
using ActorTrader.Quant.Forecasting.Signals;

namespace ActorTrader.Trading.Forecasting;

/// <summary>Asks the <see cref="ModelRunner"/> to run every enabled model on every series; answered with <see cref="ForecastsCompleted"/>.</summary>
/// <param name="RunId">Caller's id, echoed in every reply and event of this run.</param>
/// <param name="Series">The universe's daily histories; each model sees the most recent <c>forecasting.history</c> bars.</param>
/// <param name="Horizon">Bars ahead; null takes <c>actortrader.forecasting.horizon</c>.</param>
public sealed record RunForecasts(string RunId, IReadOnlyList<ForecastSeries> Series, int? Horizon = null);

/// <summary>A model that failed, threw or timed out on one symbol; the run went on without it.</summary>
public sealed record ModelFailure(string RunId, string Symbol, string Model, string Version, string Reason, bool TimedOut);

/// <summary>A fit's residual diagnostics (Ljung-Box, Jarque-Bera) and the notes the fit made (chosen order, discarded candidates).</summary>
public sealed record ModelDiagnostics(string Symbol, string Model, string Diagnostics, IReadOnlyList<string> Notes);

/// <summary>Published on the event stream as soon as one model's signal for one symbol is ready.</summary>
public sealed record ForecastSignalProduced(string RunId, Signal Signal);

/// <summary>Published on the event stream when a model fails on a symbol (also logged at Warning).</summary>
public sealed record ForecastModelFailed(ModelFailure Failure);

/// <summary>The end of a run: every signal made, every failure with its reason, and the diagnostics of every fit.</summary>
public sealed record ForecastsCompleted(string RunId, IReadOnlyList<Signal> Signals, IReadOnlyList<ModelFailure> Failures, IReadOnlyList<ModelDiagnostics> Diagnostics);
