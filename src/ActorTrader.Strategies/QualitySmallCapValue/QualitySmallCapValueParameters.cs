using ActorTrader.Strategies.Parameters;
using static ActorTrader.Strategies.Common.ParameterValues;

namespace ActorTrader.Strategies.QualitySmallCapValue;

/// <summary>Parameters of <see cref="QualitySmallCapValueStrategy"/>; <see cref="Space"/> is its research genome.</summary>
public sealed record QualitySmallCapValueParameters(
    double SizeQuantile,
    ValueMeasure ValueMeasure,
    double ValueWeight,
    double QualityWeight,
    double MinRoe,
    double MaxDebtToEquity,
    int TopN) : IStrategyParameters<QualitySmallCapValueParameters>
{
    public static IReadOnlyList<string> ValueMeasureNames { get; } = ["book_to_price", "earnings_yield", "both"];

    public static ParameterSpace Space { get; } = new([
        ParameterRange.Real("size_quantile", 0.1, 1.0, 0.5, "Keep the smallest share of symbols by market cap (0.5 = the smaller half)."),
        ParameterRange.Choice("value_measure", ValueMeasureNames, "both", "Value ratio: book_to_price, earnings_yield or both."),
        ParameterRange.Real("value_weight", 0, 1, 0.5, "Weight of the value z-score in the score."),
        ParameterRange.Real("quality_weight", 0, 1, 0.5, "Weight of the quality z-score (high return on equity, low debt)."),
        ParameterRange.Real("min_roe", -0.5, 0.5, 0.0, "Drop symbols whose return on equity is below this."),
        ParameterRange.Real("max_debt_to_equity", 0.1, 10, 2.0, "Drop symbols whose debt-to-equity is above this."),
        ParameterRange.WholeNumber("top_n", 1, 50, 10, "Hold the N best-scored symbols, equal-weighted."),
    ]);

    public static QualitySmallCapValueParameters Default => From(Space.Defaults());

    public static QualitySmallCapValueParameters From(ParameterSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new(set["size_quantile"], set.Choice<ValueMeasure>("value_measure"), set["value_weight"], set["quality_weight"],
            set["min_roe"], set["max_debt_to_equity"], set.Whole("top_n"));
    }

    public ParameterSet ToSet() => new([
        Entry("size_quantile", SizeQuantile), Entry("value_measure", ValueMeasure), Entry("value_weight", ValueWeight),
        Entry("quality_weight", QualityWeight), Entry("min_roe", MinRoe), Entry("max_debt_to_equity", MaxDebtToEquity), Entry("top_n", TopN),
    ]);
}
