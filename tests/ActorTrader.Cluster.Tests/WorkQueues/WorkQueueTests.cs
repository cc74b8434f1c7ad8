using System.Collections.Concurrent;
using ActorTrader.Cluster.Tests.Support;
using ActorTrader.Cluster.WorkQueues;

namespace ActorTrader.Cluster.Tests.WorkQueues;

public sealed class WorkQueueTests(ClusterDatabaseFixture fixture) : IClassFixture<ClusterDatabaseFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(10);
    private readonly string _queue = $"q-{Guid.NewGuid():N}";
    private ClusterDatabase _database = null!;
    private WorkQueue _work = null!;

    public Task InitializeAsync()
    {
        _database = fixture.NewDatabase();
        _work = new WorkQueue(_database);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Enqueueing_the_same_key_again_adds_nothing()
    {
        var first = await _work.EnqueueAsync(_queue, [new("a", "1"), new("b", "2")], default);
        var second = await _work.EnqueueAsync(_queue, [new("b", "changed"), new("c", "3")], default);

        Assert.Equal(2, first);
        Assert.Equal(1, second);
        Assert.Equal(new WorkQueueCounts(3, 0, 0, 0), await _work.CountsAsync(_queue, default));
        var claims = await _work.ClaimAsync(_queue, "w", 10, Long, default);
        Assert.Equal(["1", "2", "3"], claims.Select(c => c.Payload));
    }

    [Fact]
    public async Task Concurrent_claimers_never_get_the_same_item()
    {
        await _work.EnqueueAsync(_queue, [.. Enumerable.Range(0, 200).Select(i => new WorkRequest($"k{i}", $"p{i}"))], default);
        var claimed = new ConcurrentBag<long>();

        async Task Claimer(string worker)
        {
            while (true)
            {
                var batch = await _work.ClaimAsync(_queue, worker, 7, Long, default);
                if (batch.Count == 0) return;
                foreach (var claim in batch) claimed.Add(claim.Id);
            }
        }

        await Task.WhenAll(Enumerable.Range(1, 4).Select(i => Task.Run(() => Claimer($"w{i}"))));

        Assert.Equal(200, claimed.Count);
        Assert.Equal(200, claimed.Distinct().Count());
        Assert.Equal(new WorkQueueCounts(0, 200, 0, 0), await _work.CountsAsync(_queue, default));
    }

    [Fact]
    public async Task An_expired_claim_is_claimed_again_and_the_late_result_of_the_first_worker_is_refused()
    {
        await _work.EnqueueAsync(_queue, [new("a", "payload")], default);
        var first = Assert.Single(await _work.ClaimAsync(_queue, "w1", 1, Long, default));
        await ExpireClaimsAsync();
        var second = Assert.Single(await _work.ClaimAsync(_queue, "w2", 1, Long, default));

        Assert.True(await _work.CompleteAsync(second, "second", default));
        Assert.False(await _work.CompleteAsync(first, "first", default));

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, second.Attempt);
        var outcome = (await _work.ReadOutcomesAsync(_queue, ["a"], default))["a"];
        Assert.Equal(new WorkOutcome("a", WorkStatus.Done, "second", null, 2, "w2"), outcome);
    }

    [Fact]
    public async Task A_result_already_written_is_never_overwritten()
    {
        await _work.EnqueueAsync(_queue, [new("a", "payload")], default);
        var claim = Assert.Single(await _work.ClaimAsync(_queue, "w1", 1, Long, default));

        Assert.True(await _work.CompleteAsync(claim, "first", default));
        Assert.False(await _work.CompleteAsync(claim, "again", default));

        Assert.Equal("first", (await _work.ReadOutcomesAsync(_queue, ["a"], default))["a"].Result);
    }

    [Fact]
    public async Task A_failing_item_is_retried_then_dead_with_its_last_error()
    {
        await _work.EnqueueAsync(_queue, [new("a", "payload", MaxAttempts: 2)], default);
        var first = Assert.Single(await _work.ClaimAsync(_queue, "w1", 1, Long, default));
        await _work.FailAsync(first, "boom 1", TimeSpan.Zero, default);
        var second = Assert.Single(await _work.ClaimAsync(_queue, "w2", 1, Long, default));
        await _work.FailAsync(second, "boom 2", TimeSpan.Zero, default);

        Assert.Empty(await _work.ClaimAsync(_queue, "w3", 1, Long, default));
        Assert.Equal(new WorkOutcome("a", WorkStatus.Dead, null, "boom 2", 2, "w2"), (await _work.ReadOutcomesAsync(_queue, ["a"], default))["a"]);
    }

    [Fact]
    public async Task A_failed_item_waits_for_its_retry_delay()
    {
        await _work.EnqueueAsync(_queue, [new("a", "payload")], default);
        var claim = Assert.Single(await _work.ClaimAsync(_queue, "w1", 1, Long, default));
        await _work.FailAsync(claim, "boom", Long, default);

        Assert.Empty(await _work.ClaimAsync(_queue, "w2", 1, Long, default));
        Assert.Equal(new WorkQueueCounts(1, 0, 0, 0), await _work.CountsAsync(_queue, default));
    }

    [Fact]
    public async Task An_expired_claim_on_its_last_attempt_is_dead_naming_the_worker()
    {
        await _work.EnqueueAsync(_queue, [new("a", "payload", MaxAttempts: 1)], default);
        Assert.Single(await _work.ClaimAsync(_queue, "w1", 1, Long, default));
        await ExpireClaimsAsync();

        Assert.Empty(await _work.ClaimAsync(_queue, "w2", 1, Long, default));
        var outcome = (await _work.ReadOutcomesAsync(_queue, ["a"], default))["a"];
        Assert.Equal(WorkStatus.Dead, outcome.Status);
        Assert.Equal("visibility timeout expired after 1 attempts (worker w1)", outcome.Error);
    }

    [Fact]
    public async Task Extending_a_claim_keeps_it_invisible_to_other_workers()
    {
        await _work.EnqueueAsync(_queue, [new("a", "payload")], default);
        // A zero timeout makes the claim visible again at once, unless it is extended.
        var claim = Assert.Single(await _work.ClaimAsync(_queue, "w1", 1, TimeSpan.Zero, default));

        Assert.True(await _work.ExtendAsync(claim, Long, default));
        Assert.Empty(await _work.ClaimAsync(_queue, "w2", 1, Long, default));
    }

    [Fact]
    public async Task Extending_a_claim_taken_over_by_another_worker_says_it_was_lost()
    {
        await _work.EnqueueAsync(_queue, [new("a", "payload")], default);
        var first = Assert.Single(await _work.ClaimAsync(_queue, "w1", 1, TimeSpan.Zero, default));
        Assert.Single(await _work.ClaimAsync(_queue, "w2", 1, Long, default));

        Assert.False(await _work.ExtendAsync(first, Long, default));
    }

    [Fact]
    public async Task Counts_tell_the_items_of_a_queue_by_status()
    {
        await _work.EnqueueAsync(_queue, [.. Enumerable.Range(0, 4).Select(i => new WorkRequest($"k{i}", "p", MaxAttempts: 1))], default);
        await _work.EnqueueAsync($"{_queue}-other", [new("k0", "p")], default);
        var claims = await _work.ClaimAsync(_queue, "w", 2, Long, default);
        await _work.CompleteAsync(claims[0], "ok", default);
        await _work.FailAsync(claims[1], "boom", TimeSpan.Zero, default);
        await _work.ClaimAsync(_queue, "w", 1, Long, default);

        Assert.Equal(new WorkQueueCounts(1, 1, 1, 1), await _work.CountsAsync(_queue, default));
    }

    [Fact]
    public async Task Outcomes_name_pending_items_with_their_status_and_omit_unknown_keys()
    {
        await _work.EnqueueAsync(_queue, [new("a", "p"), new("b", "p")], default);
        await _work.ClaimAsync(_queue, "w", 1, Long, default);

        var outcomes = await _work.ReadOutcomesAsync(_queue, ["a", "b", "unknown"], default);

        Assert.Equal(2, outcomes.Count);
        Assert.Equal(new WorkOutcome("a", WorkStatus.Claimed, null, null, 1, "w"), outcomes["a"]);
        Assert.Equal(new WorkOutcome("b", WorkStatus.Ready, null, null, 0, null), outcomes["b"]);
    }

    [Fact]
    public async Task Deleting_a_batch_removes_only_its_keys()
    {
        await _work.EnqueueAsync(_queue, [new("a", "p"), new("b", "p"), new("c", "p")], default);

        var deleted = await _work.DeleteAsync(_queue, ["a", "c", "unknown"], default);

        Assert.Equal(2, deleted);
        Assert.Equal(["b"], (await _work.ReadOutcomesAsync(_queue, ["a", "b", "c"], default)).Keys);
    }

    [Fact]
    public async Task An_unreachable_database_is_explained_with_the_operation()
    {
        await using var nowhere = new ClusterDatabase("Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2", fixture.Schema);
        var queue = new WorkQueue(nowhere);

        var error = await Assert.ThrowsAsync<ActorTrader.Persistence.Journal.PersistenceStoreException>(() => queue.CountsAsync(_queue, default));

        Assert.Contains(_queue, error.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1", error.Message, StringComparison.Ordinal);
    }

    private async Task ExpireClaimsAsync() =>
        await fixture.ScalarAsync($"UPDATE cluster_work SET visible_at = clock_timestamp() - interval '1 second' WHERE queue = '{_queue}' AND status = 'claimed'");
}
