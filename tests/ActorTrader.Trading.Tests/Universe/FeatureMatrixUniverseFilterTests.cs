using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Universe;
using FeatureRow = ActorTrader.Data.Features.FeatureRow;

namespace ActorTrader.Trading.Tests.Universe;

public sealed class FeatureMatrixUniverseFilterTests
{
    private static readonly Symbol Early = Symbol.Parse("NYSE:EARLY");
    private static readonly Symbol Late = Symbol.Parse("NYSE:LATE");
    private static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    private static DateTimeOffset Day(int i) => Day0.AddDays(i);

    private static IEnumerable<FeatureRow> Rows(Symbol symbol, int first, int last, double close = 10, double? rating = 0.5) =>
        Enumerable.Range(first, last - first + 1).Select(i => new FeatureRow(Day(i), symbol, close, rating, rating, rating));

    private static FeatureMatrixUniverseFilter Daily(IEnumerable<FeatureRow> rows, FeatureUniverseRules rules) => new(rows, rules, OneDay);

    [Fact]
    public void A_symbol_whose_rows_start_later_is_excluded_until_it_has_min_history_rows()
    {
        var filter = Daily([.. Rows(Early, 0, 30), .. Rows(Late, 10, 30)], new FeatureUniverseRules(MinimumHistory: 5));

        // Late's fifth row is day 14: before it Late has too little history, from it on Late is in.
        Assert.Equal([Early], filter.AllowedAt(Day(13)));
        Assert.Equal([Early, Late], filter.AllowedAt(Day(14)).Order());
    }

    [Fact]
    public void A_daily_decision_sees_the_row_of_its_own_bar_once_that_bar_has_closed()
    {
        var filter = Daily(Rows(Early, 0, 4), new FeatureUniverseRules(MinimumHistory: 5));

        // Rows of days 0..4: the fifth row (day 4) is known at the close of day 4, which is when day 4's decision is taken.
        Assert.Empty(filter.AllowedAt(Day(3)));
        Assert.Equal([Early], filter.AllowedAt(Day(4)));
    }

    [Fact]
    public void A_later_row_never_changes_an_earlier_decision()
    {
        // Day 6 drops the close to 0.5 (below min-close) and makes the rating unknown: a leak would exclude the symbol on day 5.
        FeatureRow[] rows = [.. Rows(Early, 0, 5), new FeatureRow(Day(6), Early, 0.5, null, null, null)];
        var filter = Daily(rows, new FeatureUniverseRules(MinimumHistory: 3, MinimumRating: 0, MinimumClose: 1));

        Assert.Equal([Early], filter.AllowedAt(Day(5)));
        Assert.Empty(filter.AllowedAt(Day(6)));
    }

    [Fact]
    public void An_intraday_decision_sees_only_days_that_have_closed()
    {
        var filter = new FeatureMatrixUniverseFilter(Rows(Early, 0, 4), new FeatureUniverseRules(MinimumHistory: 5), TimeSpan.FromMinutes(1));

        // During day 4 its daily row is not known yet; at the day's last minute bar it is.
        Assert.Empty(filter.AllowedAt(Day(4).AddHours(15)));
        Assert.Equal([Early], filter.AllowedAt(Day(5).AddMinutes(-1)));
    }

    [Fact]
    public void Decisions_equal_those_on_rows_cut_at_the_decision_bar()
    {
        // Seeded random matrices: the filter on all rows must decide exactly as a filter that was only given the rows up to the decision bar.
        var random = new Random(20240601);
        Symbol[] symbols = [.. Enumerable.Range(0, 6).Select(i => Symbol.Parse($"NYSE:S{i:D3}"))];
        for (var trial = 0; trial < 40; trial++)
        {
            var rows = new List<FeatureRow>();
            foreach (var symbol in symbols)
            {
                var start = random.Next(0, 40);
                for (var d = start; d < 60; d++)
                {
                    if (random.NextDouble() < 0.1) continue; // gaps: holidays, missing days
                    double? rating = random.NextDouble() < 0.2 ? null : Math.Round(random.NextDouble() * 2 - 1, 2);
                    rows.Add(new FeatureRow(Day(d), symbol, Math.Round(random.NextDouble() * 4, 2), rating, null, null));
                }
            }
            var rules = new FeatureUniverseRules(random.Next(1, 20), random.NextDouble() < 0.5 ? null : random.NextDouble() - 0.5, random.NextDouble() * 2);
            var filter = Daily(rows, rules);
            var decision = Day(random.Next(0, 60));

            var cut = Daily(rows.Where(r => r.Timestamp <= decision), rules);
            Assert.Equal(cut.AllowedAt(decision).Order(), filter.AllowedAt(decision).Order());
        }
    }

    [Fact]
    public void A_rating_below_the_minimum_excludes_the_symbol()
    {
        var filter = Daily([.. Rows(Early, 0, 9, rating: 0.4), .. Rows(Late, 0, 9, rating: 0.1)], new FeatureUniverseRules(MinimumHistory: 1, MinimumRating: 0.3));

        Assert.Equal([Early], filter.AllowedAt(Day(9)));
    }

    [Fact]
    public void An_unknown_rating_is_excluded_when_a_minimum_is_set()
    {
        var filter = Daily(Rows(Early, 0, 9, rating: null), new FeatureUniverseRules(MinimumHistory: 1, MinimumRating: -1));

        Assert.Empty(filter.AllowedAt(Day(9)));
    }

    [Fact]
    public void An_unknown_rating_is_admitted_when_no_minimum_is_set()
    {
        var filter = Daily(Rows(Early, 0, 9, rating: null), new FeatureUniverseRules(MinimumHistory: 1, MinimumRating: null));

        Assert.Equal([Early], filter.AllowedAt(Day(9)));
    }

    [Fact]
    public void The_rating_judged_is_the_latest_known_one()
    {
        FeatureRow[] rows = [.. Rows(Early, 0, 8, rating: -0.8), new FeatureRow(Day(9), Early, 10, 0.6, null, null)];
        var filter = Daily(rows, new FeatureUniverseRules(MinimumHistory: 1, MinimumRating: 0.5));

        Assert.Empty(filter.AllowedAt(Day(8)));
        Assert.Equal([Early], filter.AllowedAt(Day(9)));
    }

    [Fact]
    public void A_close_below_the_minimum_excludes_the_symbol()
    {
        var filter = Daily([.. Rows(Early, 0, 9, close: 1.0), .. Rows(Late, 0, 9, close: 0.99)], new FeatureUniverseRules(MinimumHistory: 1, MinimumClose: 1.0));

        Assert.Equal([Early], filter.AllowedAt(Day(9)));
    }

    [Fact]
    public void The_audit_names_symbols_missing_from_the_matrix_and_counts_the_allowed_per_decision()
    {
        var absent = Symbol.Parse("NYSE:ABSENT");
        var filter = Daily([.. Rows(Early, 0, 9), .. Rows(Late, 5, 9)], new FeatureUniverseRules(MinimumHistory: 3));

        var audit = filter.Audit([Early, Late, absent], [Day(1), Day(2), Day(7)]);

        Assert.Equal([absent], audit.Missing);
        Assert.Equal([0, 1, 2], audit.Decisions.Select(d => d.Allowed));
        Assert.False(audit.IsEmpty);
    }

    [Fact]
    public void The_audit_counts_only_the_symbols_asked_about()
    {
        var filter = Daily([.. Rows(Early, 0, 9), .. Rows(Late, 0, 9)], new FeatureUniverseRules(MinimumHistory: 1));

        var audit = filter.Audit([Late], [Day(5)]);

        Assert.Equal(1, audit.Decisions[0].Allowed);
    }

    [Fact]
    public void An_audit_where_nothing_is_ever_allowed_is_empty()
    {
        var filter = Daily(Rows(Early, 0, 9), new FeatureUniverseRules(MinimumHistory: 100));

        Assert.True(filter.Audit([Early], [Day(5), Day(9)]).IsEmpty);
    }

    [Fact]
    public void Two_rows_of_one_symbol_at_one_time_are_rejected_naming_the_symbol()
    {
        FeatureRow[] rows = [.. Rows(Early, 0, 3), new FeatureRow(Day(2), Early, 11, 0.1, null, null)];

        var error = Assert.Throws<ArgumentException>(() => Daily(rows, new FeatureUniverseRules()));
        Assert.Contains("NYSE:EARLY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rules_describe_themselves_in_the_configuration_words()
    {
        Assert.Equal("min-history 252, min-rating off, min-close 1", new FeatureUniverseRules().Describe());
        Assert.Equal("min-history 20, min-rating 0.25, min-close 0.5", new FeatureUniverseRules(20, 0.25, 0.5).Describe());
    }
}
