using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade.Rules;

/// <summary>Intents whose signal confidence is below the threshold are refused; intents without a confidence pass.</summary>
public sealed class ConfidenceRule(double minConfidence) : ExposureIncreasingRule
{
    public override string Name => "confidence";

    protected override PreTradeRefusal? CheckIncreasing(OrderIntent intent, RiskContext context)
    {
        if (intent.Confidence is not { } confidence || confidence >= minConfidence) return null;
        return Refuse(intent, (decimal)confidence, (decimal)minConfidence,
            $"{RiskText.Order(intent)} has confidence {RiskText.Number(confidence)}, below the threshold {RiskText.Number(minConfidence)}.",
            "Wait for a stronger signal, or lower actortrader.risk.min-confidence.");
    }
}
