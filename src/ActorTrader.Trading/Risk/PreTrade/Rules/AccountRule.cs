using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade.Rules;

/// <summary>An intent must be for the account whose ledger the checks read.</summary>
public sealed class AccountRule : IPreTradeRule
{
    public string Name => "account";

    public PreTradeRefusal? Check(OrderIntent intent, RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(context);
        if (string.Equals(intent.AccountId, context.Ledger.AccountId, StringComparison.Ordinal)) return null;
        return new PreTradeRefusal(Name, intent.ClientOrderId, intent.Symbol, null, null,
            $"{RiskText.Order(intent)} is for account {intent.AccountId}, but these checks guard account {context.Ledger.AccountId}.",
            $"Send it to the risk manager of account {intent.AccountId}.");
    }
}
