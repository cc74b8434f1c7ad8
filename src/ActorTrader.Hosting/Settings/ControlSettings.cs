namespace ActorTrader.Hosting.Settings;

/// <summary><c>actortrader.control</c>: durable halt state and the kill-switch directory.</summary>
/// <param name="KillSwitchDir">Absolute directory in which a <c>HALT</c> file halts the node.</param>
/// <param name="HaltFile">Absolute path of the atomically written halt state.</param>
/// <param name="WatchInterval">How often the kill-switch directory is checked.</param>
public sealed record ControlSettings(string KillSwitchDir, string HaltFile, TimeSpan WatchInterval)
{
    /// <summary>Name of the file whose presence halts the node.</summary>
    public const string HaltFileName = "HALT";

    /// <summary>The absolute path of the kill-switch file.</summary>
    public string KillSwitchFile => Path.Combine(KillSwitchDir, HaltFileName);
}
