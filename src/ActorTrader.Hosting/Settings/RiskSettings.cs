namespace ActorTrader.Hosting.Settings;

/// <summary><c>actortrader.risk</c>: portfolio limits (fractions of equity).</summary>
/// <param name="MaxPositionWeight">Largest weight of one position, in (0, 1].</param>
/// <param name="MaxGrossExposure">Largest gross exposure as a multiple of equity.</param>
/// <param name="MaxDailyLoss">Daily loss that halts trading, in (0, 1].</param>
public sealed record RiskSettings(decimal MaxPositionWeight, decimal MaxGrossExposure, decimal MaxDailyLoss);
