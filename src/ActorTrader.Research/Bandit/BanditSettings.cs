using System.Globalization;

namespace ActorTrader.Research.Bandit;

/// <summary>
/// The hyper-parameter bandit's knobs (hocon <c>actortrader.research.bandit</c>): grid resolution, the explore share,
/// the reward spread assumed for a region seen once, and the reward clip (so one disastrous or lucky genome cannot
/// dominate a region's mean).
/// </summary>
public sealed record BanditSettings
{
    public static BanditSettings Default { get; } = new();

    /// <summary>Bins of each real or whole-number parameter (fewer when a whole range has fewer values); flags get 2, choices one per choice.</summary>
    public int BinsPerParameter { get; init; } = 4;

    /// <summary>Share of samples drawn uniformly from the whole space rather than from a favoured region.</summary>
    public double ExploreShare { get; init; } = 0.2;

    /// <summary>Reward standard deviation assumed for a region with a single record (Thompson sampling's prior spread).</summary>
    public double PriorStd { get; init; } = 1.0;

    /// <summary>Rewards are clipped to [<see cref="RewardMin"/>, <see cref="RewardMax"/>] before they are recorded.</summary>
    public double RewardMin { get; init; } = -5;

    public double RewardMax { get; init; } = 5;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Require(bool ok, FormattableString problem)
        {
            if (!ok) problems.Add(problem.ToString(CultureInfo.InvariantCulture));
        }
        Require(BinsPerParameter is >= 1 and <= 1000, $"bins-per-parameter is {BinsPerParameter}; it must be in [1, 1000].");
        Require(ExploreShare is >= 0 and <= 1, $"explore-share is {ExploreShare:R}; it must be in [0, 1].");
        Require(PriorStd > 0 && double.IsFinite(PriorStd), $"prior-std is {PriorStd:R}; it must be a finite number > 0.");
        Require(double.IsFinite(RewardMin) && double.IsFinite(RewardMax) && RewardMin < RewardMax,
            $"reward-min {RewardMin:R} and reward-max {RewardMax:R} must be finite with reward-min < reward-max.");
        return problems;
    }

    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
            throw new ArgumentException($"Bandit settings are invalid: {string.Join(" ", problems)} Fix them under actortrader.research.bandit.");
    }
}
