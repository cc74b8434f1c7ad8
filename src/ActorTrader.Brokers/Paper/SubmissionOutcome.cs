namespace ActorTrader.Brokers.Paper;

/// <summary>What became of one submit attempt.</summary>
public enum SubmissionOutcome
{
    /// <summary>A new order was created.</summary>
    Accepted,

    /// <summary>The client order id was used before; the first order stands and nothing was created.</summary>
    Duplicate,

    /// <summary>Refused (buying power, shorting, unknown symbol, …); nothing was created.</summary>
    Rejected,
}
