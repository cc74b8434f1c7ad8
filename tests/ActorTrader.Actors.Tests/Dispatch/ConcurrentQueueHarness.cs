using ActorTrader.Actors.Dispatch;

namespace ActorTrader.Actors.Tests.Dispatch;

/// <summary>
/// Drives a queue with several producer threads and one concurrent consumer, and reports what the
/// consumer saw: how many messages, and how many arrived out of their producer's order.
/// </summary>
internal static class ConcurrentQueueHarness
{
    private sealed record Item(int Producer, int Seq);

    public sealed record Outcome(bool ProducersFinished, int Received, int OutOfOrder, int[] NextPerProducer);

    /// <param name="pauseEvery">Per producer, yield the thread after this many messages (0: never), so the consumer drains often.</param>
    public static async Task<Outcome> RunAsync(IMessageQueue queue, int producers, int perProducer, Func<int, int>? pauseEvery = null)
    {
        var patience = TestKit.TestKitBase.Dilated(TimeSpan.FromSeconds(60));
        using var start = new ManualResetEventSlim();
        var producing = Enumerable.Range(0, producers).Select(p => Task.Factory.StartNew(() =>
        {
            start.Wait();
            var pause = pauseEvery?.Invoke(p) ?? 0;
            for (var i = 0; i < perProducer; i++)
            {
                queue.TryEnqueue(new Envelope(new Item(p, i), null));
                if (pause > 0 && i % pause == 0) Thread.Yield();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        var consuming = Task.Factory.StartNew(() =>
        {
            var next = new int[producers];
            var outOfOrder = 0;
            var received = 0;
            var deadline = DateTime.UtcNow + patience;
            while (received < producers * perProducer && DateTime.UtcNow < deadline)
            {
                if (!queue.TryDequeue(out var envelope)) continue;
                var item = (Item)envelope.Message;
                if (item.Seq != next[item.Producer]) outOfOrder++;
                next[item.Producer] = item.Seq + 1;
                received++;
            }
            return (received, outOfOrder, next);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        start.Set();
        var produced = Task.WhenAll(producing);
        var finished = ReferenceEquals(await Task.WhenAny(produced, Task.Delay(patience)), produced);
        var (receivedCount, outOfOrderCount, nextPerProducer) = await consuming;
        return new Outcome(finished, receivedCount, outOfOrderCount, nextPerProducer);
    }
}
