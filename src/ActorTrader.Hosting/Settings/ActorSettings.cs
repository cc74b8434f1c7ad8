namespace ActorTrader.Hosting.Settings;

/// <summary><c>actortrader.actors</c>: runtime tuning.</summary>
/// <param name="DispatcherThroughput">Messages per actor turn on the default dispatcher.</param>
/// <param name="AskTimeout">Timeout of Ask calls that give none.</param>
public sealed record ActorSettings(int DispatcherThroughput, TimeSpan AskTimeout);
