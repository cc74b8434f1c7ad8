using System.Security.Cryptography;
using System.Text;
using ActorTrader.Hosting.Checking;
using ActorTrader.Hosting.Settings;

namespace ActorTrader.Node.Tests.Hosting;

/// <summary>The live gate's conditions: each failure names its condition and fix, and no failure ever shows a token.</summary>
public sealed class LiveGateTests
{
    private const string Token = "s3cret-confirm-token";

    private static BrokerSettings Live(string? token = Token) =>
        new(BrokerSettings.AlpacaKind, new AlpacaSettings("key", "secret", "https://api.alpaca.markets", true) { LiveConfirmToken = token });

    private static Dictionary<string, string?> Environment(string? liveTrading = "1", string? confirm = Token) => new()
    {
        [LiveGate.LiveTradingVariable] = liveTrading,
        [LiveGate.ConfirmVariable] = confirm,
    };

    [Fact]
    public void Every_condition_met_lets_the_live_broker_start()
    {
        Assert.Empty(LiveGate.Failures(Live(), Environment(), 0, false));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("true")]
    public void LIVE_TRADING_other_than_1_is_a_named_failure(string? value)
    {
        var failure = Assert.Single(LiveGate.Failures(Live(), Environment(liveTrading: value), 0, false));

        Assert.Contains("LIVE_TRADING", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void No_configured_token_is_a_named_failure()
    {
        var failure = Assert.Single(LiveGate.Failures(Live(token: null), Environment(), 0, false));

        Assert.Contains(LiveGate.TokenKey, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_confirmation_is_a_named_failure()
    {
        var failure = Assert.Single(LiveGate.Failures(Live(), Environment(confirm: null), 0, false));

        Assert.Contains(LiveGate.ConfirmVariable, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_confirmation_is_a_named_failure_that_shows_neither_token()
    {
        var failure = Assert.Single(LiveGate.Failures(Live(), Environment(confirm: "guess"), 0, false));

        Assert.Contains("does not match", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, failure, StringComparison.Ordinal);
        Assert.DoesNotContain("guess", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(null)]
    public void Config_check_problems_are_a_named_failure(int? problems)
    {
        var failure = Assert.Single(LiveGate.Failures(Live(), Environment(), problems, false));

        Assert.Contains("config-check", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Synthetic_data_is_a_named_failure()
    {
        var failure = Assert.Single(LiveGate.Failures(Live(), Environment(), 0, true));

        Assert.Contains("synthetic data never reaches a live broker", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configured_token_may_be_its_sha256()
    {
        var hash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Token)));

        Assert.True(LiveGate.Matches(hash, Token));
        Assert.False(LiveGate.Matches(hash, Token + "x"));
    }

    [Fact]
    public void The_gate_applies_to_alpaca_live_only()
    {
        Assert.True(LiveGate.Applies(Live()));
        Assert.False(LiveGate.Applies(new BrokerSettings(BrokerSettings.Paper, new AlpacaSettings(null, null, "https://paper-api.alpaca.markets", true))));
        Assert.False(LiveGate.Applies(new BrokerSettings(BrokerSettings.AlpacaKind, new AlpacaSettings("k", "s", "https://paper-api.alpaca.markets", false))));
    }

    [Fact]
    public void The_settings_never_print_the_token()
    {
        Assert.DoesNotContain(Token, Live().ToString(), StringComparison.Ordinal);
    }
}
