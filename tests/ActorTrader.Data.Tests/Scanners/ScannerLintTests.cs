using ActorTrader.Data.Scanners;
using ActorTrader.Domain.Instruments;
using ActorTrader.Hocon;

namespace ActorTrader.Data.Tests.Scanners;

public class ScannerLintTests
{
    private static ScannerLintResult Lint(string text) =>
        ScannerLint.Lint(ConfigurationFactory.ParseString(text, new HoconParseOptions { SourceName = "test.conf", UseEnvironment = false }), "test.conf");

    private static string Scanner(string filters, string direction = "long", string universe = "exchanges = [NASDAQ], profiles = [us_equity, etf, crypto]") => $$"""
        scanner {
          name = test_scanner
          direction = {{direction}}
          universe { {{universe}} }
          filters {
            {{filters}}
          }
        }
        """;

    private static ConfigProblem Single(ScannerLintResult result)
    {
        Assert.Null(result.Definition);
        return Assert.Single(result.Problems);
    }

    [Fact]
    public void A_well_formed_scanner_reads_into_a_definition()
    {
        var result = Lint(Scanner("price { min = 5, max = 1000 }\navg-dollar-volume { min = 20000000, window-days = 20 }\nvolatility { max = 0.8, window-days = 60 }\nlisting-age-days { min = 365 }\nprofiles = [us_equity, etf]"));
        Assert.True(result.IsClean, string.Join("\n", result.Problems));
        var d = result.Definition!;
        Assert.Equal("test_scanner", d.Name);
        Assert.Equal(ScanDirection.Long, d.Direction);
        Assert.Equal(5m, d.Filters.Price!.Min);
        Assert.Equal(20, d.Filters.AvgDollarVolume!.WindowDays);
        Assert.Equal([AssetProfile.UsEquity, AssetProfile.Etf], d.Filters.Profiles);
        Assert.Equal(61, d.LookbackDays);
    }

    [Fact]
    public void A_synthetic_universe_selected_by_exchange_is_rejected_because_the_provider_lists_no_symbols()
    {
        var problem = Single(Lint(Scanner("price { min = 5 }", universe: "provider = synthetic, exchanges = [NASDAQ]")));

        Assert.Equal("scanner.universe", problem.Key);
        Assert.Contains("lists none", problem.Message, StringComparison.Ordinal);
        Assert.Contains("symbols = [", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_synthetic_universe_that_names_its_symbols_is_clean()
    {
        Assert.True(Lint(Scanner("price { min = 5 }", universe: "provider = synthetic, symbols = [\"NASDAQ:AAPL\"]")).IsClean);
    }

    [Fact]
    public void An_unknown_filter_key_names_its_position_and_the_closest_key()
    {
        var problem = Single(Lint(Scanner("avg-dolar-volume { min = 1, window-days = 5 }")));
        Assert.Equal("scanner.filters.avg-dolar-volume", problem.Key);
        Assert.Equal(6, problem.Position!.Line);
        Assert.StartsWith("test.conf:6:", problem.Location, StringComparison.Ordinal);
        Assert.Contains("did you mean avg-dollar-volume?", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Min_greater_than_max_is_rejected()
    {
        var problem = Single(Lint(Scanner("price { min = 100, max = 10 }")));
        Assert.Contains("greater than max", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_bound_is_rejected()
    {
        var problem = Single(Lint(Scanner("price { min = -5 }")));
        Assert.Equal("scanner.filters.price.min", problem.Key);
    }

    [Fact]
    public void A_negative_momentum_bound_is_allowed()
    {
        Assert.True(Lint(Scanner("momentum { min = -0.5, max = 0.5, window-days = 20 }", direction: "both")).IsClean);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("2.5")]
    public void A_window_that_is_not_a_positive_whole_number_is_rejected(string window)
    {
        var problem = Single(Lint(Scanner($"volatility {{ max = 1, window-days = {window} }}")));
        Assert.Equal("scanner.filters.volatility.window-days", problem.Key);
    }

    [Fact]
    public void A_windowed_filter_without_a_window_is_rejected()
    {
        Assert.Equal("scanner.filters.avg-dollar-volume.window-days", Single(Lint(Scanner("avg-dollar-volume { min = 5 }"))).Key);
    }

    [Fact]
    public void A_filter_without_bounds_is_rejected()
    {
        Assert.Contains("neither min nor max", Single(Lint(Scanner("price { }"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_profile_is_rejected_with_a_hint()
    {
        var problem = Single(Lint(Scanner("profiles = [us_equty]")));
        Assert.Contains("us_equty", problem.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean us_equity?", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_scanner_over_crypto_only_is_contradictory()
    {
        var problem = Single(Lint(Scanner("profiles = [crypto]", direction: "short")));
        Assert.Equal("scanner.direction", problem.Key);
        Assert.Contains("cannot be sold short", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_scanner_admitting_only_falling_prices_is_contradictory()
    {
        var problem = Single(Lint(Scanner("momentum { max = -0.1, window-days = 20 }")));
        Assert.Contains("contradicts", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_scanner_admitting_only_rising_prices_is_contradictory()
    {
        Assert.Contains("contradicts", Single(Lint(Scanner("momentum { min = 0.1, window-days = 20 }", direction: "short"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_direction_is_rejected()
    {
        Assert.Equal("scanner.direction", Single(Lint(Scanner("price { min = 1 }", direction: "sideways"))).Key);
    }

    [Fact]
    public void Filter_profiles_outside_the_universe_profiles_are_contradictory()
    {
        var problem = Single(Lint(Scanner("profiles = [crypto]", universe: "profiles = [us_equity]")));
        Assert.Contains("shares no profile", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_universe_is_rejected()
    {
        Assert.Equal("scanner.universe", Single(Lint(Scanner("price { min = 1 }", universe: ""))).Key);
    }

    [Fact]
    public void An_invalid_universe_symbol_is_rejected()
    {
        Assert.Equal("scanner.universe.symbols", Single(Lint(Scanner("price { min = 1 }", universe: "symbols = [AAPL]"))).Key);
    }

    [Fact]
    public void An_unknown_provider_is_rejected()
    {
        Assert.Contains("did you mean alpaca?", Single(Lint(Scanner("price { min = 1 }", universe: "provider = alpacka, symbols = [\"NASDAQ:AAPL\"]"))).Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_where_a_number_belongs_is_rejected()
    {
        Assert.Equal("scanner.filters.price.min", Single(Lint(Scanner("price { min = cheap }"))).Key);
    }

    [Fact]
    public void A_lookback_shorter_than_a_window_is_rejected()
    {
        var text = Scanner("volatility { max = 1, window-days = 60 }").Replace("direction = long", "direction = long\n  lookback-days = 30", StringComparison.Ordinal);
        Assert.Equal("scanner.lookback-days", Single(Lint(text)).Key);
    }

    [Fact]
    public void Every_problem_is_reported_in_file_order()
    {
        var result = Lint(Scanner("price { min = 10, max = 1 }\nvolatilty { max = 1, window-days = 5 }\nprofiles = [bonds]"));
        Assert.Equal(3, result.Problems.Count);
        Assert.Equal(result.Problems.OrderBy(p => p.Position!.Line).Select(p => p.Key), result.Problems.Select(p => p.Key));
    }

    [Fact]
    public void A_syntax_error_is_a_problem_with_its_position()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scanner-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, "scanner {\n  name = x\n  filters { price { min = 1 }\n");
        try
        {
            var result = ScannerLint.LintFile(path);
            Assert.False(result.IsClean);
            Assert.Equal(path, Assert.Single(result.Problems).Position!.Source);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
