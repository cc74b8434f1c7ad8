using ActorTrader.Actors;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Host.Targets;
using ActorTrader.Trading.Meta;
using ActorTrader.Trading.Sleeves;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Tests.Host;

/// <summary>
/// The meta-portfolio and the sleeves in one stand-in, with a fit that sees exactly the bars before the run's <c>To</c>:
/// sleeve <c>core</c> (meta-weight 1) selects the symbol with the best return over those bars (ties: the first symbol)
/// and holds 50 % of it and 10 % of the other at every bar — a selection fitted over the window, as the real sleeves'.
/// Answers <see cref="RunMeta"/> with a <see cref="MetaOutcome"/> and <see cref="GetSleeveOutcomes"/> with the fit's schedule.
/// </summary>
internal sealed class FittingMeta : ReceiveActor
{
    private SleeveOutcome? _last;

    public FittingMeta(IReadOnlyDictionary<Symbol, IReadOnlyList<Bar>> bars)
    {
        Receive<RunMeta>(run =>
        {
            var to = run.To ?? throw new InvalidOperationException("The fitting meta needs RunMeta.To.");
            var seen = bars.OrderBy(kv => kv.Key).ToDictionary(kv => kv.Key, kv => kv.Value.Where(b => b.Timestamp < to).ToList());
            var best = seen.OrderByDescending(kv => kv.Value[^1].Close / kv.Value[0].Close).ThenBy(kv => kv.Key).First().Key;
            var symbols = seen.Keys.ToList();
            var dates = seen[symbols[0]].Select(b => b.Timestamp).ToList();
            IReadOnlyList<double> row = [.. symbols.Select(s => s == best ? 0.5 : 0.1)];
            var id = run.RunId ?? throw new InvalidOperationException("The fitting meta needs a pinned run id.");
            _last = new SleeveOutcome("core", id, "", true, null, null, [], [], new SortedDictionary<Symbol, double>(), true, [])
            {
                TargetSchedule = new SleeveSchedule(dates, symbols, [.. dates.Select(_ => row)]),
            };
            Sender.Tell(new MetaOutcome(run.Profile, id, null, true, [], null, null, new Dictionary<string, double> { ["core"] = 1.0 },
                new SortedDictionary<Symbol, double>(), null), Self);
        });
        Receive<GetSleeveOutcomes>(_ => Sender.Tell(new SleeveOutcomes(new SortedDictionary<string, SleeveOutcome>(StringComparer.Ordinal) { ["core"] = _last! }), Self));
    }
}
