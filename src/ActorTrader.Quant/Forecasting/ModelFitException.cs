namespace ActorTrader.Quant.Forecasting;

/// <summary>No usable fit: the reason names the model, what failed and what to change.</summary>
public sealed class ModelFitException(string message) : Exception(message);
