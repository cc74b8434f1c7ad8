namespace ActorTrader.Cluster.Control;

/// <summary>Timings of one node's <see cref="ControlBusListener"/>.</summary>
/// <param name="PollInterval">The log is read at least this often even without a NOTIFY (a lost notification costs at most this).</param>
/// <param name="ApplyTimeout">How long the applier may take to answer a command before it is delivered again.</param>
/// <param name="ReconnectBackoffMin">The first wait before reopening a lost LISTEN connection; doubled on every further loss.</param>
/// <param name="ReconnectBackoffMax">The longest wait between LISTEN reconnection attempts.</param>
public sealed record ControlBusSettings(TimeSpan PollInterval, TimeSpan ApplyTimeout, TimeSpan ReconnectBackoffMin, TimeSpan ReconnectBackoffMax);
