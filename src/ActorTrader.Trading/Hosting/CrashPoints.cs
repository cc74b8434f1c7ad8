using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using ActorTrader.Actors;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Broker;

namespace ActorTrader.Trading.Host;

/// <summary>
/// Test-only fault injection for the crash test (tests/ActorTrader.Trading.CrashTests): with
/// <c>ACTORTRADER_CRASH_POINT=&lt;name&gt;:&lt;n&gt;</c> in the node's environment, the n-th time the code passes the named
/// point the process writes one line on standard error (<c>CRASH POINT &lt;name&gt; &lt;n&gt; pid &lt;pid&gt;</c>) and
/// kills itself with SIGKILL — exactly where a power cut or an OOM kill could stop it. Without the variable every call
/// returns at once and <see cref="Wrap"/> hands the broker back unchanged. One instance per actor system (an extension),
/// so the count belongs to one node process.
/// </summary>
public sealed class CrashPoints : IExtension
{
    public const string EnvironmentVariable = "ACTORTRADER_CRASH_POINT";

    /// <summary>The order manager journaled <c>OrderSubmitted</c> and has not asked the broker actor to submit yet.</summary>
    public const string OrderJournaled = "order-journaled";

    /// <summary>The broker call of a submit was entered; the broker has not seen the order.</summary>
    public const string BrokerSubmitting = "broker-submit";

    /// <summary>The broker accepted the order; the order manager does not know yet.</summary>
    public const string BrokerAccepted = "broker-accepted";

    /// <summary>The broker filled an order (its state is committed); its trade update has reached no actor.</summary>
    public const string BrokerFilled = "broker-fill";

    /// <summary>The order manager journaled the fill; the ledger has not booked it.</summary>
    public const string FillJournaled = "fill-journaled";

    /// <summary>The ledger journaled the booking; the order manager has not journaled the confirmation.</summary>
    public const string LedgerBooked = "ledger-booked";

    private static readonly string[] BrokerPoints = [BrokerSubmitting, BrokerAccepted, BrokerFilled];

    private readonly string? _armed;
    private readonly int _at;
    private readonly TextWriter _report;
    private readonly Action _kill;
    private int _hits;

    /// <param name="armed">The point that kills (one of <see cref="Names"/>), or null for none.</param>
    /// <param name="at">Which pass of that point kills, from 1.</param>
    /// <param name="report">Where the line before the kill goes.</param>
    /// <param name="kill">Ends the process (tests pass a recorder).</param>
    public CrashPoints(string? armed, int at, TextWriter report, Action kill)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(kill);
        if (armed is not null && !Names.Contains(armed, StringComparer.Ordinal))
            throw new ArgumentException($"\"{armed}\" is not a crash point. Fix: use one of {string.Join(", ", Names)}.", nameof(armed));
        ArgumentOutOfRangeException.ThrowIfLessThan(at, armed is null ? 0 : 1);
        _armed = armed;
        _at = at;
        _report = report;
        _kill = kill;
    }

    /// <summary>Every crash point, in the order an order passes them.</summary>
    public static IReadOnlyList<string> Names { get; } = [OrderJournaled, BrokerSubmitting, BrokerAccepted, BrokerFilled, FillJournaled, LedgerBooked];

    /// <summary>The armed point as <c>name:n</c>, or null when none is.</summary>
    public string? Armed => _armed is null ? null : string.Create(CultureInfo.InvariantCulture, $"{_armed}:{_at}");

    /// <summary>The node's hook: armed from <see cref="EnvironmentVariable"/> the first time it is asked for.</summary>
    public static CrashPoints Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension(_ => Parse(Environment.GetEnvironmentVariable(EnvironmentVariable), Console.Error, KillProcess));
    }

    /// <summary>Reads <c>name:n</c> (null or empty: disabled); throws <see cref="ArgumentException"/> naming the variable and the fix.</summary>
    public static CrashPoints Parse(string? setting, TextWriter report, Action kill)
    {
        if (string.IsNullOrWhiteSpace(setting)) return new CrashPoints(null, 0, report, kill);
        var parts = setting.Split(':');
        if (parts.Length != 2 || !Names.Contains(parts[0], StringComparer.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var at) || at < 1)
        {
            throw new ArgumentException(
                $"{EnvironmentVariable}=\"{setting}\" is not <name>:<n>. Fix: name one of {string.Join(", ", Names)} and the pass that kills (1 or more), e.g. {OrderJournaled}:2; or unset it.",
                nameof(setting));
        }
        return new CrashPoints(parts[0], at, report, kill);
    }

    /// <summary>Counts a pass of <paramref name="name"/>; the armed pass reports and kills the process.</summary>
    public void Reached(string name)
    {
        if (_armed is null || !string.Equals(name, _armed, StringComparison.Ordinal)) return;
        var pass = Interlocked.Increment(ref _hits);
        if (pass != _at) return;
        _report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CRASH POINT {name} {pass} pid {Environment.ProcessId}"));
        _report.Flush();
        _kill();
    }

    /// <summary>The broker with the broker points on its calls and its trade updates; the broker itself when none is armed.</summary>
    public IBroker Wrap(IBroker broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        return _armed is not null && BrokerPoints.Contains(_armed, StringComparer.Ordinal) ? new CrashingBroker(broker, this) : broker;
    }

    private static void KillProcess()
    {
        using var self = Process.GetCurrentProcess();
        self.Kill();
        // kill(2) of the calling process delivers SIGKILL before it returns; should the process live on, it ends here.
        Environment.FailFast($"Crash point: SIGKILL did not end process {Environment.ProcessId}.");
    }

    /// <summary>Passes every call on, marking the submit's entry and acceptance and each fill the broker reports.</summary>
    private sealed class CrashingBroker(IBroker inner, CrashPoints points) : ForwardingBroker(inner)
    {
        public override async Task<BrokerOrder> SubmitOrderAsync(OrderRequest request, CancellationToken cancellationToken = default)
        {
            points.Reached(BrokerSubmitting);
            var order = await Inner.SubmitOrderAsync(request, cancellationToken).ConfigureAwait(false);
            points.Reached(BrokerAccepted);
            return order;
        }

        public override async IAsyncEnumerable<TradeUpdate> TradeUpdatesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var update in Inner.TradeUpdatesAsync(cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (update.Event is TradeUpdateEvent.Fill or TradeUpdateEvent.PartialFill) points.Reached(BrokerFilled);
                yield return update;
            }
        }
    }
}
