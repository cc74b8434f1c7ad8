using ActorTrader.Actors;
using ActorTrader.Trading.Sleeves;
using ActorTrader.Trading.Sleeves.Definition;

namespace ActorTrader.Trading.Host.Targets;

/// <summary>
/// <c>/user/trading/sleeves</c>: one <see cref="SleeveActor"/> per configured sleeve (<c>sleeve-&lt;name&gt;</c>, created on
/// first use from the sleeve files), and the latest outcome of each. The meta-portfolio reaches them through
/// <see cref="SleeveProxy"/> children, so the sleeves live here and their per-bar target schedules stay readable after a
/// meta run. A sleeve that throws is restarted (its strategies are supervised below it).
/// </summary>
public sealed class SleevesActor : ReceiveActor
{
    /// <summary>The actor's name under <c>/user/trading</c>.</summary>
    public const string Name = "sleeves";

    private readonly Func<string, Props> _sleeveProps;
    private readonly Dictionary<string, SleeveOutcome> _latest = new(StringComparer.Ordinal);
    private readonly ILoggingAdapter _log = Context.GetLogger();

    /// <param name="sleeveProps">Props of the sleeve actor of a sleeve name (e.g. <see cref="SleeveFiles.PropsFactory"/>); may throw for an unknown sleeve.</param>
    public SleevesActor(Func<string, Props> sleeveProps)
    {
        _sleeveProps = sleeveProps ?? throw new ArgumentNullException(nameof(sleeveProps));
        Receive<RunNamedSleeve>(OnRun);
        Receive<SleeveOutcomeRecorded>(recorded => _latest[recorded.Outcome.Sleeve] = recorded.Outcome);
        Receive<GetSleeveOutcomes>(get => Sender.Tell(new SleeveOutcomes(
            new SortedDictionary<string, SleeveOutcome>(_latest.Where(kv => kv.Value.RunId == get.Run).ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal)), Self));
    }

    public static Props CreateProps(Func<string, Props> sleeveProps) => Props.Create(() => new SleevesActor(sleeveProps));

    private void OnRun(RunNamedSleeve run)
    {
        var name = SleeveActor.NameOf(run.Sleeve);
        var child = Context.Child(name);
        if (child.Equals(ActorRefs.Nobody))
        {
            Props props;
            try
            {
                props = _sleeveProps(run.Sleeve);
            }
            catch (Exception e) when (e is SleeveDefinitionException or ArgumentException or IOException)
            {
                _log.Error(e, "Sleeve {Sleeve} cannot be created: {Reason}", run.Sleeve, e.Message);
                Sender.Tell(new Status.Failure(e), Self);
                return;
            }
            child = Context.ActorOf(props, name);
        }
        child.Forward(run.Command);
    }
}
