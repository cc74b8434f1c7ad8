using ActorTrader.Persistence.Journal;
using ActorTrader.TestKit;

namespace ActorTrader.Persistence.Tests.Pattern;

public sealed class CircuitBreakerSpec
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ResetTimeout = TimeSpan.FromSeconds(30);
    private readonly TestScheduler _scheduler = new();

    private CircuitBreaker NewBreaker(int maxFailures = 2) =>
        new(_scheduler, maxFailures, CallTimeout, ResetTimeout, e => e is not JournalConcurrencyException);

    private static Task<InvalidOperationException> Fail(CircuitBreaker breaker) =>
        Assert.ThrowsAsync<InvalidOperationException>(() => breaker.WithCircuitBreaker(_ => Task.FromException(new InvalidOperationException("store down"))));

    private static Task<int> Succeed(CircuitBreaker breaker) => breaker.WithCircuitBreaker(_ => Task.FromResult(1));

    [Fact]
    public async Task The_breaker_opens_after_max_failures_and_then_fails_fast_without_calling()
    {
        var breaker = NewBreaker(maxFailures: 2);
        await Fail(breaker);
        Assert.Equal(CircuitBreakerState.Closed, breaker.State);
        await Fail(breaker);

        var called = false;
        var error = await Assert.ThrowsAsync<OpenCircuitException>(() => breaker.WithCircuitBreaker(_ =>
        {
            called = true;
            return Task.FromResult(0);
        }));

        Assert.Equal(CircuitBreakerState.Open, breaker.State);
        Assert.False(called);
        Assert.Equal(ResetTimeout, error.RemainingDuration);
    }

    [Fact]
    public async Task A_success_resets_the_failure_count_while_closed()
    {
        var breaker = NewBreaker(maxFailures: 2);
        await Fail(breaker);
        await Succeed(breaker);
        await Fail(breaker);

        Assert.Equal(CircuitBreakerState.Closed, breaker.State);
        Assert.Equal(1, breaker.CurrentFailureCount);
    }

    [Fact]
    public async Task After_the_reset_timeout_one_trial_call_is_let_through_and_its_success_closes_the_breaker()
    {
        var breaker = NewBreaker(maxFailures: 1);
        await Fail(breaker);
        _scheduler.Advance(ResetTimeout - TimeSpan.FromSeconds(1));
        Assert.Equal(CircuitBreakerState.Open, breaker.State);
        _scheduler.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(CircuitBreakerState.HalfOpen, breaker.State);

        var trial = new TaskCompletionSource<int>();
        var trialCall = breaker.WithCircuitBreaker(_ => trial.Task);
        await Assert.ThrowsAsync<OpenCircuitException>(() => Succeed(breaker));
        trial.SetResult(5);

        Assert.Equal(5, await trialCall);
        Assert.Equal(CircuitBreakerState.Closed, breaker.State);
        Assert.Equal(1, await Succeed(breaker));
    }

    [Fact]
    public async Task A_failed_trial_call_opens_the_breaker_again()
    {
        var breaker = NewBreaker(maxFailures: 1);
        await Fail(breaker);
        _scheduler.Advance(ResetTimeout);

        await Fail(breaker);

        Assert.Equal(CircuitBreakerState.Open, breaker.State);
        _scheduler.Advance(ResetTimeout);
        Assert.Equal(CircuitBreakerState.HalfOpen, breaker.State);
    }

    [Fact]
    public async Task A_call_that_exceeds_the_call_timeout_fails_and_counts_as_a_failure()
    {
        var breaker = NewBreaker(maxFailures: 1);
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = breaker.WithCircuitBreaker(token =>
        {
            token.Register(() => cancelled.TrySetResult(true));
            return new TaskCompletionSource<int>().Task;
        });

        _scheduler.Advance(CallTimeout);

        await Assert.ThrowsAsync<TimeoutException>(() => slow);
        Assert.True(await cancelled.Task.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(CircuitBreakerState.Open, breaker.State);
    }

    [Fact]
    public async Task A_second_writer_conflict_does_not_count_against_the_journal()
    {
        var breaker = NewBreaker(maxFailures: 1);

        await Assert.ThrowsAsync<JournalConcurrencyException>(() => breaker.WithCircuitBreaker(_ => Task.FromException(new JournalConcurrencyException("taken"))));

        Assert.Equal(CircuitBreakerState.Closed, breaker.State);
    }

    [Fact]
    public async Task The_open_and_close_callbacks_run_on_each_transition()
    {
        var breaker = NewBreaker(maxFailures: 1);
        var transitions = new List<string>();
        breaker.OnOpen(() => transitions.Add("open")).OnHalfOpen(() => transitions.Add("half-open")).OnClose(() => transitions.Add("close"));

        await Fail(breaker);
        _scheduler.Advance(ResetTimeout);
        await Succeed(breaker);

        Assert.Equal(["open", "half-open", "close"], transitions);
    }

    [Fact]
    public async Task A_call_started_before_the_breaker_opened_does_not_decide_the_half_open_trial()
    {
        // The call timeout outlasts the reset timeout, so advancing to half-open cannot also time the stale call out:
        // the stale call must end by its own result, which is what this test is about.
        var breaker = new CircuitBreaker(_scheduler, 1, ResetTimeout * 2, ResetTimeout, e => e is not JournalConcurrencyException);
        var stale = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var staleCall = breaker.WithCircuitBreaker(_ => stale.Task);
        await Fail(breaker);
        _scheduler.Advance(ResetTimeout);
        var trial = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var trialCall = breaker.WithCircuitBreaker(_ => trial.Task);

        stale.SetResult(1);
        await staleCall;

        Assert.Equal(CircuitBreakerState.HalfOpen, breaker.State);
        await Assert.ThrowsAsync<OpenCircuitException>(() => Succeed(breaker)); // still only the one trial call
        trial.SetException(new InvalidOperationException("store still down"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => trialCall);
        Assert.Equal(CircuitBreakerState.Open, breaker.State);
    }
}
