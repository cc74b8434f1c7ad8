using ActorTrader.Actors;
using ActorTrader.TestKit;
using Xunit.Sdk;

namespace ActorTrader.Actors.Tests.TestKitSelf;

public sealed class TimingTests : TestKit.TestKit
{
    [Fact]
    public async Task Within_fails_when_the_block_takes_longer_than_the_maximum()
    {
        var max = TimeSpan.FromMilliseconds(100);

        // The slow block waits (without any message arriving) for three times the dilated maximum.
        var error = await Assert.ThrowsAsync<XunitException>(() => WithinAsync(max, () => ReceiveOneAsync(Dilated(max) * 3)));

        Assert.Contains("more than the maximum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Within_fails_when_the_block_finishes_before_the_minimum()
    {
        var error = await Assert.ThrowsAsync<XunitException>(
            () => WithinAsync(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), () => Task.CompletedTask));

        Assert.Contains("less than the minimum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Within_returns_the_result_of_a_block_that_finishes_in_time()
    {
        TestActor.Tell("inside", TestActor);

        var result = await WithinAsync(TimeSpan.Zero, TimeSpan.FromSeconds(3), () => ExpectMsgAsync<string>());

        Assert.Equal("inside", result);
    }

    [Fact]
    public async Task Inside_Within_the_default_timeout_is_the_time_left_in_the_block()
    {
        var max = TimeSpan.FromMilliseconds(500);
        Assert.Equal(DefaultTimeout, RemainingOrDefault());

        TimeSpan inside = default;
        await WithinAsync(max, () =>
        {
            inside = RemainingOrDefault();
            return Task.CompletedTask;
        });

        Assert.True(inside <= Dilated(max), $"inside Within({max.TotalMilliseconds} ms) the default was {inside.TotalMilliseconds} ms");
        Assert.Equal(DefaultTimeout, RemainingOrDefault()); // restored after the block
    }

    [Fact]
    public async Task An_expectation_inside_Within_fails_at_the_block_deadline_not_the_default_timeout()
    {
        var max = TimeSpan.FromMilliseconds(200);

        var error = await Assert.ThrowsAsync<XunitException>(() => WithinAsync(max, () => ExpectMsgAsync<string>()));

        // The expectation reports the limit it used: at most what the block allowed, far below the 3 s default.
        var match = System.Text.RegularExpressions.Regex.Match(error.Message, @"Timeout \((\d+) ms\)");
        Assert.True(match.Success, error.Message);
        var limitMs = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(limitMs, 0, (int)Dilated(max).TotalMilliseconds);
    }

    [Fact]
    public async Task AwaitCondition_fails_with_the_given_message_when_the_condition_never_holds()
    {
        var error = await Assert.ThrowsAsync<XunitException>(
            () => AwaitConditionAsync(() => false, TimeSpan.FromMilliseconds(100), message: "the flag was never set"));

        Assert.Contains("the flag was never set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwaitCondition_returns_once_another_thread_makes_the_condition_true()
    {
        var flag = 0;
        var probe = CreateTestProbe();
        var setter = Task.Run(async () =>
        {
            await probe.ExpectMsgAsync("go");
            Volatile.Write(ref flag, 1);
        });

        probe.Ref.Tell("go", TestActor);

        await AwaitConditionAsync(() => Volatile.Read(ref flag) == 1);
        await setter;
    }

    [Fact]
    public async Task AwaitAssert_rethrows_the_last_failure_of_the_assertion_on_timeout()
    {
        var attempts = 0;

        var error = await Assert.ThrowsAsync<EqualException>(
            () => AwaitAssertAsync(() => Assert.Equal(-1, ++attempts), TimeSpan.FromMilliseconds(100)));

        Assert.True(attempts > 1, "AwaitAssert must retry before giving up");
        Assert.Contains(attempts.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwaitAssert_returns_as_soon_as_the_assertion_passes()
    {
        var attempts = 0;

        await AwaitAssertAsync(() => Assert.True(++attempts >= 3));

        Assert.Equal(3, attempts);
    }

    [Fact]
    public void Dilated_multiplies_by_the_time_factor_from_the_environment()
    {
        var text = Environment.GetEnvironmentVariable("ACTORTRADER_TEST_TIMEFACTOR");
        var expected = string.IsNullOrWhiteSpace(text) ? 1.0 : double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, TestKitSettings.TimeFactor);
        Assert.Equal(TimeSpan.FromTicks((long)(TimeSpan.FromSeconds(2).Ticks * expected)), Dilated(TimeSpan.FromSeconds(2)));
    }
}

/// <summary>A test kit configured with its own default timeout.</summary>
public sealed class DefaultTimeoutTests : TestKit.TestKit
{
    private static readonly TimeSpan Configured = TimeSpan.FromMilliseconds(200);

    public DefaultTimeoutTests() : base(new TestKitSettings { DefaultTimeout = Configured })
    {
    }

    [Fact]
    public void The_configured_default_timeout_is_dilated()
    {
        Assert.Equal(Dilated(Configured), DefaultTimeout);
    }

    [Fact]
    public async Task An_expectation_without_a_timeout_uses_the_configured_default()
    {
        var error = await Assert.ThrowsAsync<XunitException>(() => ExpectMsgAsync<string>());

        Assert.Contains($"Timeout ({Dilated(Configured).TotalMilliseconds:0} ms)", error.Message, StringComparison.Ordinal);
    }
}
