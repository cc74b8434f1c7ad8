using ActorTrader.Strategies.Common;
using ActorTrader.Strategies.Parameters;
using static ActorTrader.Strategies.Common.ParameterValues;

namespace ActorTrader.Strategies.TrendFollowing;

/// <summary>Parameters of <see cref="TrendFollowingStrategy"/>; <see cref="Space"/> is its research genome.</summary>
public sealed record TrendFollowingParameters(
    TradeDirection Direction,
    RatingGroup Rating,
    double EntryRating,
    double ExitRating,
    int History) : IStrategyParameters<TrendFollowingParameters>
{
    public static IReadOnlyList<string> RatingNames { get; } = ["all", "moving_averages", "oscillators"];

    public static ParameterSpace Space { get; } = new([
        ParameterRange.Choice("direction", TradeDirections.Names, "long", "long (long sleeve), short (short sleeve, margin) or both."),
        ParameterRange.Choice("rating", RatingNames, "all", "Rating followed: all, moving_averages or oscillators."),
        ParameterRange.Real("entry_rating", 0.2, 1.0, 0.5, "Go long at a rating of at least this (short at −this); 0.5 is TradingView's Strong Buy."),
        ParameterRange.Real("exit_rating", -0.5, 0.2, 0.0, "Leave a long when the rating falls below this (a short above −this)."),
        ParameterRange.WholeNumber("history", 220, 600, 260, "Bars the ratings are computed over (the 200-bar averages need 200; the rest is holding memory)."),
    ]);

    public static TrendFollowingParameters Default => From(Space.Defaults());

    public static TrendFollowingParameters From(ParameterSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new(set.Choice<TradeDirection>("direction"), set.Choice<RatingGroup>("rating"), set["entry_rating"], set["exit_rating"], set.Whole("history"));
    }

    public ParameterSet ToSet() => new([
        Entry("direction", Direction), Entry("rating", Rating), Entry("entry_rating", EntryRating), Entry("exit_rating", ExitRating), Entry("history", History),
    ]);
}
