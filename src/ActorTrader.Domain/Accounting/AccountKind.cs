namespace ActorTrader.Domain.Accounting;

/// <summary>
/// What an account may do. A cash account can neither short nor spend cash it does not have; a margin account can do
/// both (its buying-power limits belong to the risk manager, not to the ledger's bookkeeping).
/// </summary>
public enum AccountKind
{
    Cash,
    Margin,
}
