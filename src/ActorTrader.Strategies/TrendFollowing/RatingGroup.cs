namespace ActorTrader.Strategies.TrendFollowing;

/// <summary>Which TradingView rating is followed (choice index order): Recommend.All, .MA or .Other.</summary>
public enum RatingGroup
{
    All = 0,
    MovingAverages = 1,
    Oscillators = 2,
}
