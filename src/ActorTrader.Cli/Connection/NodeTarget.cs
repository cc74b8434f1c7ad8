namespace ActorTrader.Cli.Connection;

/// <summary>Where the CLI expects the node and its token, and where that knowledge came from (for error messages).</summary>
/// <param name="Url">Base URL of the management API.</param>
/// <param name="UrlSource">Where the URL came from: the config file, or the node's endpoint file.</param>
/// <param name="TokenFile">The token file named by the configuration.</param>
/// <param name="ConfigFile">The configuration file used.</param>
public sealed record NodeTarget(Uri Url, string UrlSource, string TokenFile, string ConfigFile);
