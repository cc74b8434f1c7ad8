using ActorTrader.Data.Ingestion;

namespace ActorTrader.Data.Tests.Ingestion;

public class RetryBackoffTests
{
    [Fact]
    public void Delays_double_each_retry_without_jitter()
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(1), () => 0);
        Assert.Equal([1, 2, 4, 8], Enumerable.Range(1, 4).Select(r => backoff.DelayBefore(r).TotalSeconds));
    }

    [Fact]
    public void Jitter_adds_up_to_half_the_delay()
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(2), () => 1);
        Assert.Equal(TimeSpan.FromSeconds(6), backoff.DelayBefore(2));
    }

    [Fact]
    public void Delays_are_capped_at_an_hour()
    {
        Assert.Equal(TimeSpan.FromHours(1), new RetryBackoff(TimeSpan.FromSeconds(1), () => 0).DelayBefore(40));
    }
}
