namespace ActorTrader.Domain.Accounting;

/// <summary>The ledger refused a fill or a valuation it cannot book; the message names the order or symbol and the fix.</summary>
public sealed class LedgerException : InvalidOperationException
{
    public LedgerException() { }

    public LedgerException(string message) : base(message) { }

    public LedgerException(string message, Exception innerException) : base(message, innerException) { }
}
