using System.Diagnostics;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Risk;

namespace ActorTrader.Benchmarks.Orders;

/// <summary>
/// Signal → broker latency in process, on a durable SQLite journal and the paper broker, per order, orders one after
/// another (each waits until the previous broker call returned, so no order queues behind another):
/// <list type="bullet">
/// <item><c>submit</c>: from sending <see cref="SubmitOrder"/> to the order manager until the paper broker's
/// SubmitOrderAsync is entered — OrderSubmitted journaled first, then the broker actor.</item>
/// <item><c>signal</c>: the same after a pre-trade <see cref="CheckOrders"/> of the risk manager, as the trading day sends
/// orders. The check journals nothing (the day's trade count is recovered from the order manager's journal), so
/// OrderSubmitted is the one durable write on this path too.</item>
/// </list>
/// Each sample is a batch of orders; its p50 and p99 are the sample's values and the figure is the median sample.
/// Baseline: <see cref="RawOrderPath"/> (a durable raw insert of the same event, then a direct broker call), same run.
/// </summary>
internal static class SubmitLatency
{
    private const string BaselineKind = "OrderSubmitted serialized + one durable raw SQLite INSERT (WAL, synchronous=FULL) + a direct PaperBroker.SubmitOrderAsync call, timed to its entry";

    public static async Task<IReadOnlyList<BenchmarkFigure>> MeasureAsync(OrdersSuiteSizes sizes, string workDirectory)
    {
        var stamps = new SubmitStamps();
        await using var account = await BenchAccount.StartAsync(Path.Combine(workDirectory, "latency-account"), stamps);
        await using var raw = await RawOrderPath.CreateAsync(Path.Combine(workDirectory, "latency-baseline"));
        var orders = 0L;
        string NextId() => "lat-" + (++orders).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var figures = new List<BenchmarkFigure>();
        figures.AddRange(await MeasureAsync(sizes, "orders_submit_to_broker",
            "SubmitOrder to the order manager → PaperBroker.SubmitOrderAsync entered",
            () => SubmitAsync(account, stamps, NextId(), check: false), () => raw.PlaceAsync(NextId())));
        figures.AddRange(await MeasureAsync(sizes, "orders_signal_to_broker",
            "risk CheckOrders, then SubmitOrder → PaperBroker.SubmitOrderAsync entered",
            () => SubmitAsync(account, stamps, NextId(), check: true), () => raw.PlaceAsync(NextId())));
        return figures;
    }

    private static async Task<IReadOnlyList<BenchmarkFigure>> MeasureAsync(OrdersSuiteSizes sizes, string name, string path, Func<Task<double>> measured, Func<Task<double>> baseline)
    {
        for (var i = 0; i < sizes.Warmups; i++)
        {
            await BatchAsync(measured, sizes.OrdersPerSample);
            await BatchAsync(baseline, sizes.OrdersPerSample);
        }
        var measuredBatches = new List<LatencyBatch>();
        var baselineBatches = new List<LatencyBatch>();
        for (var i = 0; i < sizes.LatencyIterations; i++)
        {
            Sampling.FullCollect();
            measuredBatches.Add(await BatchAsync(measured, sizes.OrdersPerSample));
            Sampling.FullCollect();
            baselineBatches.Add(await BatchAsync(baseline, sizes.OrdersPerSample));
        }
        var workload = $"{sizes.OrdersPerSample:N0} orders one after another per sample: {path}; SQLite journal (WAL, synchronous=FULL), paper broker in its SQLite file";
        return
        [
            Figure($"{name}_p50", measuredBatches, baselineBatches, b => b.P50, workload),
            Figure($"{name}_p99", measuredBatches, baselineBatches, b => b.P99, workload),
        ];
    }

    // A batch's percentile is one sample; the median sample is reported (a best-of would hide the tail this figure is about).
    private static BenchmarkFigure Figure(string name, List<LatencyBatch> measured, List<LatencyBatch> baseline, Func<LatencyBatch, double> percentile, string workload) =>
        new(name, "ms", new SampleSet(measured.Select(percentile)), new SampleSet(baseline.Select(percentile)), Better.Lower, Statistic.Median,
            Target: 2.0, TargetRatio: null, Workload: workload, BaselineKind: BaselineKind);

    private static async Task<LatencyBatch> BatchAsync(Func<Task<double>> placeOne, int count)
    {
        var latencies = new double[count];
        for (var i = 0; i < count; i++) latencies[i] = await placeOne();
        return new LatencyBatch(latencies);
    }

    private static async Task<double> SubmitAsync(BenchAccount account, SubmitStamps stamps, string rebalanceId, bool check)
    {
        var intent = BenchAccount.Intent(rebalanceId);
        var expected = stamps.Expect(intent.ClientOrderId);
        var started = Stopwatch.GetTimestamp();
        if (check)
        {
            var checkedOrders = await account.Refs.Risk!.Ask<RiskChecked>(new CheckOrders([intent]), BenchAccount.Timeout);
            if (checkedOrders.Approved.Count != 1)
                throw new InvalidOperationException($"Risk refused benchmark order {intent.ClientOrderId}: {string.Join("; ", checkedOrders.Refused)}");
        }
        var reply = account.Refs.Orders.Ask<object>(new SubmitOrder(intent), BenchAccount.Timeout);
        if (await Task.WhenAny(expected.EnteredAt.Task, reply) == reply && await reply is OrderSubmitRefused refused)
            throw new InvalidOperationException($"The order manager refused benchmark order {intent.ClientOrderId}: {refused.Reason}");
        var entered = await expected.EnteredAt.Task.WaitAsync(BenchAccount.Timeout);
        await expected.Returned.Task.WaitAsync(BenchAccount.Timeout);
        await reply;
        return Stopwatch.GetElapsedTime(started, entered).TotalMilliseconds;
    }
}
