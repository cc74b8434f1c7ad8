using System.Globalization;
using ActorTrader.Actors;
using ActorTrader.Data.Runs;
using ActorTrader.Domain.Instruments;
using ActorTrader.TestKit;
using ActorTrader.Trading.Meta;
using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Trading.Tests.Meta;

/// <summary>The meta-portfolio actor with fake sleeves: gates, allocation, flattening, report, supervision, virtual-time timeout.</summary>
public sealed class MetaPortfolioActorTests : TestKit.TestKit, IDisposable
{
    private const string Core = "core_equity";
    private const string Trend = "trend_short";
    private static readonly RunId Run = RunId.Create(TestScheduler.DefaultStart, "abc123");
    private static readonly Dictionary<Symbol, double> CoreWeights = SleeveData.Weights(("NASDAQ:AAPL", 0.6), ("NASDAQ:MSFT", 0.4));
    private static readonly Dictionary<Symbol, double> TrendWeights = SleeveData.Weights(("NASDAQ:TSLA", -0.7), ("NASDAQ:MSFT", -0.3));
    private static readonly Dictionary<Symbol, double> CoreTargets = SleeveData.Weights(("NASDAQ:AAPL", 0.0), ("NASDAQ:MSFT", 0.2));
    private static readonly Dictionary<Symbol, double> TrendTargets = SleeveData.Weights(("NASDAQ:TSLA", -0.35), ("NASDAQ:MSFT", -0.3));

    private readonly string _root = Path.Combine(Path.GetTempPath(), "actortrader-meta-" + Guid.NewGuid().ToString("N"));
    private readonly SleeveData _data;
    private readonly TestProbe _observer;
    private readonly Dictionary<string, FakeBehaviour> _sleeves = new(StringComparer.Ordinal);
    private int _sleeveStarts;

    public MetaPortfolioActorTests() : base(new TestKitSettings { VirtualTime = true })
    {
        _data = new SleeveData(_root);
        _observer = CreateTestProbe();
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static MetaProfile Profile(string[] sleeves, bool allowSingle = false, int minOverlap = 60) =>
        new("default", sleeves, "erc", allowSingle, TimeSpan.FromMinutes(10), minOverlap);

    private FakeBehaviour.Answer HealthyCore(int bars = 120, int offset = 0) =>
        new FakeBehaviour.Answer(c => _data.Healthy(Core, c, seed: 1, CoreWeights, bars, offset));

    private FakeBehaviour.Answer HealthyTrend(int bars = 120, int offset = 0) =>
        new FakeBehaviour.Answer(c => _data.Healthy(Trend, c, seed: 2, TrendWeights, bars, offset));

    private void TwoHealthySleeves()
    {
        _sleeves[Core] = HealthyCore();
        _sleeves[Trend] = HealthyTrend();
    }

    /// <summary>The injected sleeve factory: like the real one, it refuses a sleeve it has no definition for.</summary>
    private Props SleeveProps(string name)
    {
        if (!_sleeves.TryGetValue(name, out var behaviour)) throw new ArgumentException($"No sleeve file defines \"{name}\".", nameof(name));
        return Props.Create(() =>
        {
            Interlocked.Increment(ref _sleeveStarts);
            return new FakeSleeve(name, behaviour, _observer.Ref);
        });
    }

    private IActorRef StartMeta(MetaProfile? profile = null, string runsDir = "runs", string name = MetaPortfolioActor.Name)
    {
        profile ??= Profile([Core, Trend]);
        var settings = new MetaSettings("weights.json", new Dictionary<string, MetaProfile> { [profile.Name] = profile });
        return Sys.ActorOf(MetaPortfolioActor.CreateProps(settings, new RunArtifacts(Path.Combine(_root, runsDir)), SleeveProps), name);
    }

    private async Task<MetaOutcome> RunAsync(IActorRef meta, string profile = "default", RunId? run = null)
    {
        meta.Tell(new RunMeta(profile, run ?? Run), TestActor);
        return await ExpectMsgAsync<MetaOutcome>();
    }

    private static string Report(MetaOutcome outcome) => File.ReadAllText(Path.Combine(outcome.RunDirectory!, "meta_portfolio_report.md"));

    private static MetaGateRow Row(MetaGateResult? gate, string sleeve) => Assert.Single(gate!.Rows, r => r.Sleeve == sleeve);

    /// <summary>Waits until a sleeve's guard has relayed its verdict and stopped, so the meta holds the answer before time moves.</summary>
    private async Task GuardFinishedAsync(string sleeve, int attempt = 1)
    {
        Sys.ActorSelection($"/user/{MetaPortfolioActor.Name}/sleeve-{sleeve}-{Run.Value}-{attempt}").Tell(new Identify(sleeve), TestActor);
        var identity = await ExpectMsgAsync<ActorIdentity>();
        if (identity.Subject is not { } guard) return; // already stopped, so already relayed
        Watch(guard);
        await ExpectTerminatedAsync(guard);
    }

    /// <summary>Sample covariance computed here, independently of Quant.</summary>
    private static double[,] Covariance(IReadOnlyList<double>[] columns)
    {
        var n = columns.Length;
        var t = columns[0].Count;
        var means = columns.Select(c => c.Average()).ToArray();
        var cov = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < t; k++) sum += (columns[i][k] - means[i]) * (columns[j][k] - means[j]);
                cov[i, j] = sum / (t - 1);
            }
        }
        return cov;
    }

    [Fact]
    public async Task Two_healthy_sleeves_pass_with_meta_weights_summing_to_one()
    {
        TwoHealthySleeves();

        var outcome = await RunAsync(StartMeta());

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Reasons));
        Assert.Empty(outcome.Reasons);
        Assert.Equal([Core, Trend], outcome.MetaWeights.Keys);
        Assert.Equal(1.0, outcome.MetaWeights.Values.Sum(), 12);
        Assert.All(outcome.MetaWeights.Values, w => Assert.InRange(w, 0.0, 1.0));
    }

    [Fact]
    public async Task Meta_weights_by_default_are_risk_parity_with_equal_risk_contributions()
    {
        TwoHealthySleeves();

        var outcome = await RunAsync(StartMeta());

        var cov = Covariance([SleeveData.Returns(120, 1), SleeveData.Returns(120, 2)]);
        var w = new[] { outcome.MetaWeights[Core], outcome.MetaWeights[Trend] };
        var contribution0 = w[0] * (cov[0, 0] * w[0] + cov[0, 1] * w[1]);
        var contribution1 = w[1] * (cov[1, 0] * w[0] + cov[1, 1] * w[1]);
        Assert.Equal(1.0, contribution0 / contribution1, 8);
        Assert.True(w[0] > 0.6, $"the calmer sleeve gets more weight under risk parity; got {w[0]}");
    }

    [Fact]
    public async Task Flattened_asset_weights_are_the_meta_weighted_sum_of_signed_sleeve_weights()
    {
        TwoHealthySleeves();

        var outcome = await RunAsync(StartMeta());

        var m = outcome.MetaWeights;
        var expected = new Dictionary<Symbol, double>
        {
            [Symbol.Parse("NASDAQ:AAPL")] = m[Core] * 0.6,
            [Symbol.Parse("NASDAQ:MSFT")] = m[Core] * 0.4 + m[Trend] * -0.3,
            [Symbol.Parse("NASDAQ:TSLA")] = m[Trend] * -0.7,
        };
        Assert.Equal(expected.Keys.Order(), outcome.AssetWeights.Keys.Order());
        foreach (var (symbol, weight) in expected) Assert.Equal(weight, outcome.AssetWeights[symbol], 14);
    }

    private void TwoSleevesWithTargets()
    {
        _sleeves[Core] = new FakeBehaviour.Answer(c => _data.Healthy(Core, c, seed: 1, CoreWeights) with { TargetWeights = CoreTargets });
        _sleeves[Trend] = new FakeBehaviour.Answer(c => _data.Healthy(Trend, c, seed: 2, TrendWeights) with { TargetWeights = TrendTargets });
    }

    [Fact]
    public async Task Flattened_target_weights_are_the_meta_weighted_sum_of_the_sleeves_targets()
    {
        TwoSleevesWithTargets();

        var outcome = await RunAsync(StartMeta());

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Reasons));
        var m = outcome.MetaWeights;
        var expected = new Dictionary<Symbol, double>
        {
            [Symbol.Parse("NASDAQ:AAPL")] = 0.0,
            [Symbol.Parse("NASDAQ:MSFT")] = m[Core] * 0.2 + m[Trend] * -0.3,
            [Symbol.Parse("NASDAQ:TSLA")] = m[Trend] * -0.35,
        };
        Assert.Equal(expected.Keys.Order(), outcome.TargetWeights.Keys.Order());
        foreach (var (symbol, weight) in expected) Assert.Equal(weight, outcome.TargetWeights[symbol], 14);
        // The allocation still comes from the asset weights, not the targets.
        Assert.Equal(m[Core] * 0.6, outcome.AssetWeights[Symbol.Parse("NASDAQ:AAPL")], 14);
    }

    [Fact]
    public async Task Target_weights_json_and_the_report_list_the_flattened_targets()
    {
        TwoSleevesWithTargets();

        var outcome = await RunAsync(StartMeta());

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(outcome.RunDirectory!, "target_weights.json")));
        var rows = json.RootElement.GetProperty("weights").EnumerateArray()
            .Select(e => (Symbol: e.GetProperty("symbol").GetString()!, Weight: e.GetProperty("weight").GetDouble())).ToList();
        var expectedOrder = outcome.TargetWeights.OrderByDescending(p => Math.Abs(p.Value)).ThenBy(p => p.Key.ToString(), StringComparer.Ordinal).Select(p => p.Key.ToString());
        Assert.Equal(expectedOrder, rows.Select(r => r.Symbol));
        foreach (var row in rows) Assert.Equal(outcome.TargetWeights[Symbol.Parse(row.Symbol)], row.Weight);
        var report = Report(outcome);
        Assert.Contains("## Target weights", report, StringComparison.Ordinal);
        var tsla = outcome.TargetWeights[Symbol.Parse("NASDAQ:TSLA")].ToString("0.000000", CultureInfo.InvariantCulture);
        var tslaAllocation = outcome.AssetWeights[Symbol.Parse("NASDAQ:TSLA")].ToString("0.000000", CultureInfo.InvariantCulture);
        Assert.Contains($"| NASDAQ:TSLA | {tsla} | {tslaAllocation} |", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sleeve_with_a_non_finite_target_weight_fails_the_completeness_gate()
    {
        _sleeves[Core] = HealthyCore();
        _sleeves[Trend] = new FakeBehaviour.Answer(c => _data.Healthy(Trend, c, 2, TrendWeights) with
        {
            TargetWeights = SleeveData.Weights(("NASDAQ:TSLA", double.PositiveInfinity), ("NASDAQ:MSFT", -0.3)),
        });

        var outcome = await RunAsync(StartMeta());

        Assert.False(outcome.Succeeded);
        Assert.Empty(outcome.TargetWeights);
        Assert.Contains("1 NaN or infinite target weight(s), first NASDAQ:TSLA = Infinity", Row(outcome.Completeness, Trend).Reason, StringComparison.Ordinal);
        Assert.True(Row(outcome.Completeness, Core).Passed);
    }

    [Fact]
    public async Task Asset_weights_csv_lists_the_flattened_weights_by_absolute_size_then_name()
    {
        TwoHealthySleeves();

        var outcome = await RunAsync(StartMeta());

        var lines = File.ReadAllLines(Path.Combine(outcome.RunDirectory!, "asset_weights.csv"));
        Assert.Equal("symbol,weight", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).Select(p => (Symbol: p[0], Weight: double.Parse(p[1], CultureInfo.InvariantCulture))).ToList();
        var expectedOrder = outcome.AssetWeights.OrderByDescending(p => Math.Abs(p.Value)).ThenBy(p => p.Key.ToString(), StringComparer.Ordinal).Select(p => p.Key.ToString());
        Assert.Equal(expectedOrder, rows.Select(r => r.Symbol));
        foreach (var row in rows) Assert.Equal(outcome.AssetWeights[Symbol.Parse(row.Symbol)], row.Weight);
        Assert.True(File.Exists(Path.Combine(outcome.RunDirectory!, "meta_weights.json")));
        Assert.True(File.Exists(Path.Combine(outcome.RunDirectory!, "asset_weights.json")));
    }

    [Fact]
    public async Task Report_of_a_passing_run_says_PASS_and_has_every_section()
    {
        TwoHealthySleeves();

        var outcome = await RunAsync(StartMeta());

        var report = Report(outcome);
        Assert.Equal(Path.Combine(outcome.RunDirectory!, "meta_portfolio_report.md"), outcome.ReportPath);
        Assert.Contains("**PASS**", report, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", report, StringComparison.Ordinal);
        foreach (var section in new[] { "## Status", "## Completeness", "## Sign test", "## Meta-weights", "## Flattened asset weights", "## Inputs" })
            Assert.Contains(section, report, StringComparison.Ordinal);
        Assert.Contains($"| {Core} | PASS |", report, StringComparison.Ordinal);
        Assert.Contains($"Run id: {Run.Value}", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_sleeve_gets_the_meta_run_id_and_the_run_directory_is_created()
    {
        TwoHealthySleeves();

        var outcome = await RunAsync(StartMeta());

        var asked = new[] { await _observer.ExpectMsgAsync<SleeveAsked>(), await _observer.ExpectMsgAsync<SleeveAsked>() };
        Assert.Equal([Core, Trend], asked.Select(a => a.Sleeve).Order(StringComparer.Ordinal));
        Assert.All(asked, a => Assert.Equal(Run, a.Command.RunId));
        Assert.Equal(Path.Combine(_root, "runs", Run.Value), outcome.RunDirectory);
        Assert.Equal(Run, outcome.RunId);
    }

    [Fact]
    public async Task A_sleeve_that_never_answers_is_missing_after_the_timeout_on_virtual_time()
    {
        _sleeves[Core] = HealthyCore();
        _sleeves[Trend] = new FakeBehaviour.Silent();
        var meta = StartMeta();
        meta.Tell(new RunMeta("default", Run), TestActor);
        await _observer.FishForMessageAsync<SleeveAsked>(a => a.Sleeve == Trend);
        await GuardFinishedAsync(Core);

        Scheduler.Advance(TimeSpan.FromMinutes(10));
        var outcome = await ExpectMsgAsync<MetaOutcome>();

        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.Reasons, r => r.Contains(Trend, StringComparison.Ordinal) && r.Contains("did not answer within 10m", StringComparison.Ordinal));
        Assert.False(Row(outcome.Completeness, Trend).Passed);
        Assert.True(Row(outcome.Completeness, Core).Passed);
        Assert.Empty(outcome.MetaWeights);
    }

    [Fact]
    public async Task A_sleeve_that_stops_before_answering_is_missing_with_that_reason()
    {
        _sleeves[Core] = HealthyCore();
        _sleeves[Trend] = new FakeBehaviour.Stop();

        var outcome = await RunAsync(StartMeta());

        Assert.False(outcome.Succeeded);
        Assert.Contains("stopped before answering", Row(outcome.Completeness, Trend).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sleeve_that_throws_is_reported_missing_with_its_exception_and_not_restarted()
    {
        _sleeves[Core] = HealthyCore();
        _sleeves[Trend] = new FakeBehaviour.Throw("lakehouse unreadable");

        var outcome = await RunAsync(StartMeta());

        Assert.False(outcome.Succeeded);
        var reason = Row(outcome.Completeness, Trend).Reason;
        Assert.Contains("InvalidOperationException: lakehouse unreadable", reason, StringComparison.Ordinal);
        Assert.Contains("not restarted", reason, StringComparison.Ordinal);
        Assert.Equal(2, Volatile.Read(ref _sleeveStarts));
    }

    [Fact]
    public async Task A_sleeve_the_factory_cannot_create_is_missing_with_the_factory_error()
    {
        _sleeves[Core] = HealthyCore();

        var outcome = await RunAsync(StartMeta());

        Assert.False(outcome.Succeeded);
        Assert.Contains($"could not be created: ArgumentException: No sleeve file defines \"{Trend}\"", Row(outcome.Completeness, Trend).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sleeve_with_an_empty_return_stream_fails_the_completeness_gate_by_name()
    {
        _sleeves[Core] = HealthyCore();
        _sleeves[Trend] = new FakeBehaviour.Answer(c => _data.Healthy(Trend, c, 2, TrendWeights) with { Dates = [], Returns = [] });

        var outcome = await RunAsync(StartMeta());

        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.Reasons, r => r == $"completeness gate: {Trend}: empty return stream");
        Assert.True(Row(outcome.Completeness, Core).Passed);
    }

    [Fact]
    public async Task A_sleeve_with_NaN_returns_fails_the_completeness_gate_naming_the_date()
    {
        _sleeves[Core] = HealthyCore();
        _sleeves[Trend] = new FakeBehaviour.Answer(c =>
        {
            var healthy = _data.Healthy(Trend, c, 2, TrendWeights);
            var returns = healthy.Returns.ToArray();
            returns[5] = double.NaN;
            return healthy with { Returns = returns };
        });

        var outcome = await RunAsync(StartMeta());

        Assert.False(outcome.Succeeded);
        var reason = Row(outcome.Completeness, Trend).Reason;
        Assert.Contains("1 NaN or infinite return(s)", reason, StringComparison.Ordinal);
        Assert.Contains(SleeveData.FirstDate.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sleeve_whose_directory_lacks_the_weights_file_fails_the_completeness_gate()
    {
        _sleeves[Core] = HealthyCore();
        _sleeves[Trend] = new FakeBehaviour.Answer(c =>
        {
            var healthy = _data.Healthy(Trend, c, 2, TrendWeights);
            File.Delete(Path.Combine(healthy.RunDirectory, "weights.json"));
            return healthy;
        });

        var outcome = await RunAsync(StartMeta());

        Assert.False(outcome.Succeeded);
        Assert.Contains("holds no weights.json", Row(outcome.Completeness, Trend).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_sleeve_run_fails_the_completeness_gate_with_its_stage_and_reason()
    {
        _sleeves[Core] = HealthyCore();
        _sleeves[Trend] = new FakeBehaviour.Answer(c => _data.Healthy(Trend, c, 2, TrendWeights) with
        {
            Succeeded = false, FailureStage = "selection", FailureReason = "empty universe after selection", Dates = [], Returns = [],
        });

        var outcome = await RunAsync(StartMeta());

        Assert.False(outcome.Succeeded);
        Assert.Contains("failed at stage selection: empty universe after selection", Row(outcome.Completeness, Trend).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sleeve_that_failed_its_sign_test_fails_the_sign_test_gate()
    {
        _sleeves[Core] = HealthyCore();
        _sleeves[Trend] = new FakeBehaviour.Answer(c => _data.Healthy(Trend, c, 2, TrendWeights) with { SignTestPassed = false });

        var outcome = await RunAsync(StartMeta());

        Assert.False(outcome.Succeeded);
        Assert.True(outcome.Completeness!.Passed);
        Assert.False(outcome.SignTest!.Passed);
        Assert.Contains(outcome.Reasons, r => r.StartsWith($"sign-test gate: {Trend}: directional sign test failed", StringComparison.Ordinal));
        Assert.True(Row(outcome.SignTest, Core).Passed);
    }

    [Fact]
    public async Task Report_of_a_failed_run_says_FAIL_with_the_sleeve_and_its_reason()
    {
        _sleeves[Core] = HealthyCore();
        _sleeves[Trend] = new FakeBehaviour.Answer(c => _data.Healthy(Trend, c, 2, TrendWeights) with { Dates = [], Returns = [] });

        var outcome = await RunAsync(StartMeta());

        var report = Report(outcome);
        Assert.Equal(outcome.ReportPath, Path.Combine(outcome.RunDirectory!, "meta_portfolio_report.md"));
        Assert.Contains("**FAIL**", report, StringComparison.Ordinal);
        Assert.Contains($"- completeness gate: {Trend}: empty return stream", report, StringComparison.Ordinal);
        Assert.Contains($"| {Trend} | FAIL | empty return stream |", report, StringComparison.Ordinal);
        Assert.Contains($"| {Core} | PASS |", report, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(outcome.RunDirectory!, "asset_weights.csv")));
    }

    [Fact]
    public async Task A_single_sleeve_profile_fails_unless_single_sleeves_are_allowed()
    {
        _sleeves[Core] = HealthyCore();

        var outcome = await RunAsync(StartMeta(Profile([Core])));

        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.Reasons, r => r.Contains("needs at least 2", StringComparison.Ordinal) && r.Contains("allow-single-sleeve", StringComparison.Ordinal));
        Assert.Contains("needs at least 2", Report(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_sleeve_profile_passes_when_allowed_and_keeps_the_sleeve_weights()
    {
        _sleeves[Core] = HealthyCore();

        var outcome = await RunAsync(StartMeta(Profile([Core], allowSingle: true)));

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Reasons));
        Assert.Equal(1.0, outcome.MetaWeights[Core], 12);
        foreach (var (symbol, weight) in CoreWeights) Assert.Equal(weight, outcome.AssetWeights[symbol], 12);
    }

    [Fact]
    public async Task Sleeves_sharing_fewer_dates_than_min_overlap_fail_with_their_windows()
    {
        _sleeves[Core] = HealthyCore(bars: 100);
        _sleeves[Trend] = HealthyTrend(bars: 100, offset: 50);

        var outcome = await RunAsync(StartMeta());

        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.Reasons, r => r.Contains("share 50 common date(s), fewer than min-overlap = 60", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dates_outside_the_common_window_are_dropped_and_audited()
    {
        _sleeves[Core] = HealthyCore(bars: 110);
        _sleeves[Trend] = HealthyTrend(bars: 110, offset: 10);

        var outcome = await RunAsync(StartMeta());

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Reasons));
        using var audit = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(outcome.RunDirectory!, "meta_alignment.json")));
        Assert.Equal(100, audit.RootElement.GetProperty("common_dates").GetInt32());
        var dropped = audit.RootElement.GetProperty("dropped").EnumerateArray().ToDictionary(e => e.GetProperty("sleeve").GetString()!, e => e.GetProperty("dates").EnumerateArray().Select(d => d.GetString()).ToList());
        Assert.Equal(Enumerable.Range(0, 10).Select(i => SleeveData.FirstDate.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), dropped[Core]);
        Assert.Equal(Enumerable.Range(110, 10).Select(i => SleeveData.FirstDate.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), dropped[Trend]);
    }

    [Fact]
    public async Task An_unknown_profile_is_refused_with_the_closest_name()
    {
        var outcome = await RunAsync(StartMeta(), profile: "defualt");

        Assert.False(outcome.Succeeded);
        Assert.Null(outcome.RunDirectory);
        Assert.Contains("Did you mean \"default\"?", Assert.Single(outcome.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_sleeve_outcome_fails_the_run_and_the_meta_keeps_serving()
    {
        var second = RunId.Create(TestScheduler.DefaultStart, "abc124");
        _sleeves[Core] = HealthyCore();
        _sleeves[Trend] = new FakeBehaviour.Answer(c => c.RunId == Run
            ? _data.Healthy(Trend, c, 2, TrendWeights) with { Dates = null!, Returns = null!, AssetWeights = null! }
            : _data.Healthy(Trend, c, 2, TrendWeights));
        var meta = StartMeta();

        meta.Tell(new RunMeta("default", Run), TestActor);
        meta.Tell(new RunMeta("default", second), TestActor); // waits for the first run
        var first = await ExpectMsgAsync<MetaOutcome>();
        var next = await ExpectMsgAsync<MetaOutcome>();

        Assert.Equal(Run, first.RunId);
        Assert.False(first.Succeeded);
        Assert.Contains("no asset weights", Row(first.Completeness, Trend).Reason, StringComparison.Ordinal);
        Assert.Equal(second, next.RunId);
        Assert.True(next.Succeeded, string.Join("; ", next.Reasons));
    }

    [Fact]
    public async Task A_sleeve_with_a_non_finite_asset_weight_fails_the_completeness_gate_and_the_report_is_written()
    {
        _sleeves[Core] = HealthyCore();
        _sleeves[Trend] = new FakeBehaviour.Answer(c => _data.Healthy(Trend, c, 2, SleeveData.Weights(("NASDAQ:TSLA", double.NaN), ("NASDAQ:MSFT", -0.3))));

        var outcome = await RunAsync(StartMeta());

        Assert.False(outcome.Succeeded);
        var reason = Row(outcome.Completeness, Trend).Reason;
        Assert.Contains("1 NaN or infinite asset weight(s), first NASDAQ:TSLA = NaN", reason, StringComparison.Ordinal);
        Assert.True(Row(outcome.Completeness, Core).Passed);
        Assert.Contains("**FAIL**", Report(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verdict_that_does_not_come_from_the_sleeves_guard_is_ignored()
    {
        _sleeves[Core] = HealthyCore();
        _sleeves[Trend] = new FakeBehaviour.Silent();
        var meta = StartMeta();
        meta.Tell(new RunMeta("default", Run), TestActor);
        var asked = await _observer.FishForMessageAsync<SleeveAsked>(a => a.Sleeve == Trend);
        await GuardFinishedAsync(Core);

        // Like a late answer of an earlier run's guard with the same pinned run id: right run and sleeve, wrong sender.
        meta.Tell(new SleeveAnswered(Run, Trend, _data.Healthy(Trend, asked.Command, 2, TrendWeights)), TestActor);
        Scheduler.Advance(TimeSpan.FromMinutes(10));
        var outcome = await ExpectMsgAsync<MetaOutcome>();

        Assert.False(outcome.Succeeded);
        Assert.Contains("did not answer within 10m", Row(outcome.Completeness, Trend).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pinned_run_id_can_run_again_right_after_a_run_that_timed_out()
    {
        _sleeves[Core] = HealthyCore();
        _sleeves[Trend] = new FakeBehaviour.Silent();
        var meta = StartMeta();
        meta.Tell(new RunMeta("default", Run), TestActor);
        meta.Tell(new RunMeta("default", Run), TestActor); // waits, then starts while the first run's silent guard is still stopping
        await _observer.FishForMessageAsync<SleeveAsked>(a => a.Sleeve == Trend);
        await GuardFinishedAsync(Core);
        Scheduler.Advance(TimeSpan.FromMinutes(10));
        var first = await ExpectMsgAsync<MetaOutcome>();

        await _observer.FishForMessageAsync<SleeveAsked>(a => a.Sleeve == Trend);
        await GuardFinishedAsync(Core, attempt: 2);
        Scheduler.Advance(TimeSpan.FromMinutes(10));
        var second = await ExpectMsgAsync<MetaOutcome>();

        Assert.Contains("did not answer", Row(first.Completeness, Trend).Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(second.Reasons, r => r.Contains("failed during the run", StringComparison.Ordinal));
        Assert.True(Row(second.Completeness, Core).Passed);
        Assert.Contains("did not answer", Row(second.Completeness, Trend).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_and_line_breaks_in_a_sleeves_failure_reason_are_escaped_in_the_report()
    {
        _sleeves[Core] = HealthyCore();
        _sleeves[Trend] = new FakeBehaviour.Answer(c => _data.Healthy(Trend, c, 2, TrendWeights) with
        {
            Succeeded = false, FailureStage = "selection", FailureReason = "universe <none> left\n# see audit", Dates = [], Returns = [],
        });

        var outcome = await RunAsync(StartMeta());

        var lines = Report(outcome).Split('\n');
        Assert.Contains(lines, l => l.StartsWith($"| {Trend} | FAIL |", StringComparison.Ordinal) && l.Contains("universe &lt;none> left # see audit", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("- completeness gate: ", StringComparison.Ordinal) && l.Contains("universe &lt;none> left # see audit", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("# see audit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_run_directory_gets_an_index_naming_the_profile_and_run_id_and_listing_the_meta_files()
    {
        TwoHealthySleeves();

        var outcome = await RunAsync(StartMeta());

        var index = File.ReadAllText(Path.Combine(outcome.RunDirectory!, "INDEX.md"));
        Assert.Contains("| Profile | default |", index, StringComparison.Ordinal);
        Assert.Contains($"| Run id | {Run.Value} |", index, StringComparison.Ordinal);
        foreach (var file in new[] { "asset_weights.csv", "asset_weights.json", "meta_alignment.json", "meta_portfolio_report.md", "meta_weights.json" })
        {
            var size = new FileInfo(Path.Combine(outcome.RunDirectory!, file)).Length;
            Assert.Contains(index.Split('\n'), l => l.StartsWith($"| {file} | {size} | ", StringComparison.Ordinal) && !l.EndsWith("|  |", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_failed_run_directory_also_gets_an_index_listing_its_report()
    {
        _sleeves[Core] = HealthyCore();

        var outcome = await RunAsync(StartMeta());

        Assert.False(outcome.Succeeded);
        var index = File.ReadAllText(Path.Combine(outcome.RunDirectory!, "INDEX.md"));
        Assert.Contains($"| Run id | {Run.Value} |", index, StringComparison.Ordinal);
        Assert.Contains("| meta_portfolio_report.md | ", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_inputs_give_byte_identical_artifacts()
    {
        TwoHealthySleeves();

        var a = await RunAsync(StartMeta(runsDir: "runs-a", name: "meta-a"));
        var b = await RunAsync(StartMeta(runsDir: "runs-b", name: "meta-b"));

        Assert.True(a.Succeeded);
        foreach (var file in new[] { "meta_portfolio_report.md", "meta_weights.json", "asset_weights.json", "asset_weights.csv", "meta_alignment.json",
            "tearsheet/tearsheet.html", "tearsheet/summary.md", "tearsheet/returns.csv", "tearsheet/weights.csv", "tearsheet/statistics.json", "INDEX.md" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(a.RunDirectory!, file)), File.ReadAllBytes(Path.Combine(b.RunDirectory!, file)));
    }

    /// <summary>The meta return stream computed here from the sleeves' seeded returns and the outcome's meta-weights (120 common dates).</summary>
    private static double[] ExpectedMetaReturns(MetaOutcome outcome)
    {
        var core = SleeveData.Returns(120, 1);
        var trend = SleeveData.Returns(120, 2);
        return [.. Enumerable.Range(0, 120).Select(t => outcome.MetaWeights[Core] * core[t] + outcome.MetaWeights[Trend] * trend[t])];
    }

    private static string Tearsheet(MetaOutcome outcome, string file) => Path.Combine(outcome.RunDirectory!, "tearsheet", file);

    [Fact]
    public async Task A_passing_run_writes_a_tearsheet_whose_total_return_compounds_the_meta_return_stream()
    {
        TwoHealthySleeves();

        var outcome = await RunAsync(StartMeta());

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Reasons));
        Assert.True(File.Exists(Tearsheet(outcome, "tearsheet.html")));
        var expected = ExpectedMetaReturns(outcome).Aggregate(1.0, (equity, r) => equity * (1 + r)) - 1;
        using var stats = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Tearsheet(outcome, "statistics.json")));
        Assert.Equal(expected, stats.RootElement.GetProperty("statistics").GetProperty("total_return").GetDouble(), 12);
        var percent = (expected * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";
        Assert.Contains($"| Total return | {percent} |", File.ReadAllLines(Tearsheet(outcome, "summary.md")));
    }

    [Fact]
    public async Task The_tearsheet_returns_are_the_meta_weighted_sum_of_sleeve_returns_per_common_date()
    {
        TwoHealthySleeves();

        var outcome = await RunAsync(StartMeta());

        var rows = File.ReadAllLines(Tearsheet(outcome, "returns.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var expected = ExpectedMetaReturns(outcome);
        Assert.Equal(expected.Length, rows.Count);
        for (var t = 0; t < expected.Length; t++)
        {
            Assert.Equal(SleeveData.FirstDate.AddDays(t), DateTimeOffset.Parse(rows[t][0], CultureInfo.InvariantCulture));
            Assert.Equal(expected[t], double.Parse(rows[t][1], CultureInfo.InvariantCulture), 14);
        }
    }

    [Fact]
    public async Task The_tearsheet_weights_are_the_meta_weights_labelled_by_sleeve()
    {
        TwoHealthySleeves();

        var outcome = await RunAsync(StartMeta());

        var lines = File.ReadAllLines(Tearsheet(outcome, "weights.csv"));
        Assert.Equal($"date,{Core},{Trend}", lines[0]);
        var row = lines[1].Split(',');
        Assert.Equal(outcome.MetaWeights[Core], double.Parse(row[1], CultureInfo.InvariantCulture));
        Assert.Equal(outcome.MetaWeights[Trend], double.Parse(row[2], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_tearsheet_notes_name_the_profile_optimiser_sleeves_and_common_window()
    {
        TwoHealthySleeves();

        var outcome = await RunAsync(StartMeta());

        var summary = File.ReadAllLines(Tearsheet(outcome, "summary.md"));
        Assert.Contains("| profile | default |", summary);
        Assert.Contains("| optimiser | erc |", summary);
        Assert.Contains($"| sleeves | {Core}, {Trend} |", summary);
        Assert.Contains(summary, l => l.StartsWith("| common window | 120 bars, 2024-01-02 to 2024-04-30", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_run_writes_no_tearsheet_but_still_its_report_and_index()
    {
        _sleeves[Core] = HealthyCore();

        var outcome = await RunAsync(StartMeta());

        Assert.False(outcome.Succeeded);
        Assert.False(Directory.Exists(Path.Combine(outcome.RunDirectory!, "tearsheet")));
        Assert.Contains("## Tearsheet\n\nNot computed: the gates failed", Report(outcome), StringComparison.Ordinal);
        var index = File.ReadAllText(Path.Combine(outcome.RunDirectory!, "INDEX.md"));
        Assert.Contains("| meta_portfolio_report.md | ", index, StringComparison.Ordinal);
        Assert.DoesNotContain("tearsheet/", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_index_lists_every_tearsheet_file_with_its_size_and_a_description()
    {
        TwoHealthySleeves();

        var outcome = await RunAsync(StartMeta());

        var index = File.ReadAllLines(Path.Combine(outcome.RunDirectory!, "INDEX.md"));
        foreach (var file in new[] { "tearsheet.html", "summary.md", "returns.csv", "weights.csv", "statistics.json" })
        {
            var size = new FileInfo(Tearsheet(outcome, file)).Length;
            Assert.Contains(index, l => l.StartsWith($"| tearsheet/{file} | {size} | Meta-", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_index_describes_the_files_sleeves_write_under_the_meta_run()
    {
        // A sleeve of a meta run writes under <run>/sleeves/<name>/ (SleeveRunDirectory); this fake does the same.
        FakeBehaviour.Answer InRun(string sleeve, int seed, Dictionary<Symbol, double> weights) => new(c =>
        {
            var directory = Path.Combine(_root, "runs", c.RunId!.Value.Value, "sleeves", sleeve);
            Directory.CreateDirectory(Path.Combine(directory, "tearsheet"));
            foreach (var file in new[] { "00_data.json", "01_events.jsonl", "04_synthesis.json", "weights.json", "weights.csv", "sleeve_report.md", "tearsheet/weights.csv" })
                File.WriteAllText(Path.Combine(directory, file), "{}");
            return _data.Healthy(sleeve, c, seed, weights) with { RunDirectory = directory };
        });
        _sleeves[Core] = InRun(Core, 1, CoreWeights);
        _sleeves[Trend] = InRun(Trend, 2, TrendWeights);

        var outcome = await RunAsync(StartMeta());

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Reasons));
        var index = File.ReadAllLines(Path.Combine(outcome.RunDirectory!, "INDEX.md"));
        string Description(string path) => Assert.Single(index, l => l.StartsWith($"| {path} | ", StringComparison.Ordinal)).Split(" | ")[2];
        Assert.StartsWith("Sleeve stage 0 audit", Description($"sleeves/{Core}/00_data.json"), StringComparison.Ordinal);
        Assert.StartsWith("Sleeve: Stage 1 events", Description($"sleeves/{Core}/01_events.jsonl"), StringComparison.Ordinal);
        Assert.StartsWith("Sleeve stage 4 audit", Description($"sleeves/{Trend}/04_synthesis.json"), StringComparison.Ordinal);
        Assert.StartsWith("Sleeve report", Description($"sleeves/{Core}/sleeve_report.md"), StringComparison.Ordinal);
        Assert.StartsWith($"Sleeve {Core}: leg and signed asset weights", Description($"sleeves/{Core}/weights.csv"), StringComparison.Ordinal);
        Assert.StartsWith($"Sleeve {Core}: signed asset weights it held bar by bar", Description($"sleeves/{Core}/tearsheet/weights.csv"), StringComparison.Ordinal);
        Assert.StartsWith("Meta-weights, one column per sleeve", Description("tearsheet/weights.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_of_a_passing_run_points_to_the_tearsheet_with_its_total_return()
    {
        TwoHealthySleeves();

        var outcome = await RunAsync(StartMeta());

        var expected = ExpectedMetaReturns(outcome).Aggregate(1.0, (equity, r) => equity * (1 + r)) - 1;
        var report = Report(outcome);
        Assert.Contains("## Tearsheet", report, StringComparison.Ordinal);
        Assert.Contains($"tearsheet/tearsheet.html (summary in tearsheet/summary.md)", report, StringComparison.Ordinal);
        Assert.Contains($"Total return {expected.ToString("0.000000", CultureInfo.InvariantCulture)}", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_common_window_too_short_for_a_tearsheet_still_passes_and_the_report_says_why()
    {
        _sleeves[Core] = HealthyCore(bars: 3);
        _sleeves[Trend] = HealthyTrend(bars: 3);

        var outcome = await RunAsync(StartMeta(Profile([Core, Trend], minOverlap: 2)));

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Reasons));
        Assert.False(File.Exists(Tearsheet(outcome, "tearsheet.html")));
        Assert.Contains("Not written: Dates has 3 periods; a tearsheet needs at least 4", Report(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sleeve_stopped_before_synthesis_shows_its_sign_test_as_not_run_and_is_reported_once()
    {
        _sleeves[Core] = HealthyCore();
        _sleeves[Trend] = new FakeBehaviour.Answer(c => _data.Healthy(Trend, c, 2, TrendWeights) with
        {
            Succeeded = false, FailureStage = "selection", FailureReason = "empty universe after selection", Dates = [], Returns = [], SignTestRan = false,
        });

        var outcome = await RunAsync(StartMeta());

        var row = Row(outcome.SignTest, Trend);
        Assert.False(row.Passed);
        Assert.Equal("not run (sleeve stopped before synthesis, at stage selection)", row.Reason);
        Assert.False(outcome.SignTest!.Passed);
        Assert.Contains(outcome.Reasons, r => r.StartsWith($"completeness gate: {Trend}: ", StringComparison.Ordinal));
        Assert.DoesNotContain(outcome.Reasons, r => r.StartsWith("sign-test gate:", StringComparison.Ordinal));
        Assert.Contains($"| {Trend} | FAIL | not run (sleeve stopped before synthesis, at stage selection) |", Report(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_sleeve_shows_its_sign_test_as_not_run_and_is_reported_once()
    {
        _sleeves[Core] = HealthyCore();
        _sleeves[Trend] = new FakeBehaviour.Stop();

        var outcome = await RunAsync(StartMeta());

        var row = Row(outcome.SignTest, Trend);
        Assert.False(row.Passed);
        Assert.StartsWith("not run (sleeve missing: ", row.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(outcome.Reasons, r => r.StartsWith("sign-test gate:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_succeeded_sleeve_that_did_not_run_its_sign_test_fails_the_sign_test_gate_by_name()
    {
        _sleeves[Core] = HealthyCore();
        _sleeves[Trend] = new FakeBehaviour.Answer(c => _data.Healthy(Trend, c, 2, TrendWeights) with { SignTestRan = false });

        var outcome = await RunAsync(StartMeta());

        Assert.False(outcome.Succeeded);
        Assert.True(outcome.Completeness!.Passed);
        Assert.Contains(outcome.Reasons, r => r.StartsWith($"sign-test gate: {Trend}: not run although the sleeve reports success", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(outcome.RunDirectory!, "tearsheet")));
    }
}
