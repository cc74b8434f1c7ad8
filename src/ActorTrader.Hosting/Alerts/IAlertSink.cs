namespace ActorTrader.Hosting.Alerts;

/// <summary>Where an alert goes once it passed de-duplication and the rate limit (the log, a webhook). Must not block or throw.</summary>
public interface IAlertSink
{
    /// <summary>A short name for the sink in the node's own log lines.</summary>
    string Name { get; }

    void Send(Alert alert);
}
