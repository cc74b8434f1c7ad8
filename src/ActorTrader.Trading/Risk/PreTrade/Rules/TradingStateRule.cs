using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade.Rules;

/// <summary>HALTED refuses every order; REDUCING lets through only intents marked ReducesExposure that shrink a position.</summary>
public sealed class TradingStateRule : IPreTradeRule
{
    public string Name => "trading-state";

    public PreTradeRefusal? Check(OrderIntent intent, RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(context);
        return context.Status.State switch
        {
            TradingState.Active => null,
            TradingState.Halted => Refuse($"{RiskText.Order(intent)} is refused: trading is {context.Status.Describe()}.",
                "Wait until an operator resumes trading (ResumeTrading) once the cause is understood."),
            TradingState.Reducing when intent.ReducesExposure && context.IsReduction(intent) => null,
            TradingState.Reducing => Refuse($"{RiskText.Order(intent)} does not reduce exposure, and trading is {context.Status.Describe()}: only orders that shrink a position pass.",
                "Send only orders that reduce positions (ReducesExposure = true), or have an operator resume trading."),
            _ => throw new ArgumentOutOfRangeException(nameof(context), context.Status.State, "Unknown trading state."),
        };

        PreTradeRefusal Refuse(string message, string fix) => new(Name, intent.ClientOrderId, intent.Symbol, null, null, message, fix);
    }
}
