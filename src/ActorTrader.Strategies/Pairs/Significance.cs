namespace ActorTrader.Strategies.Pairs;

/// <summary>Significance level of the cointegration test (choice index order: "1%", "5%", "10%").</summary>
public enum Significance
{
    OnePercent = 0,
    FivePercent = 1,
    TenPercent = 2,
}
