namespace ActorTrader.Strategies.QualitySmallCapValue;

/// <summary>Which cheapness ratio scores value (choice index order); both = mean of the two z-scores that are known.</summary>
public enum ValueMeasure
{
    BookToPrice = 0,
    EarningsYield = 1,
    Both = 2,
}
