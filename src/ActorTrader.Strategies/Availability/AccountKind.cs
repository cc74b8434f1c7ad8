namespace ActorTrader.Strategies.Availability;

/// <summary>What the broker account allows: a cash account cannot sell short, a margin account can.</summary>
public enum AccountKind
{
    Cash = 0,
    Margin = 1,
}
