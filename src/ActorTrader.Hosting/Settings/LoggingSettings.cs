using Serilog.Events;

namespace ActorTrader.Hosting.Settings;

/// <summary><c>actortrader.logging</c>: console and rolling JSON files, plus the errors file.</summary>
/// <param name="Level">Lowest level written.</param>
/// <param name="Console">Whether human-readable output goes to the console.</param>
/// <param name="Directory">Absolute directory of the daily JSON log files.</param>
/// <param name="RetainedFiles">How many daily files are kept.</param>
/// <param name="ErrorsFile">Absolute path of the file that collects Error and Fatal events.</param>
public sealed record LoggingSettings(LogEventLevel Level, bool Console, string Directory, int RetainedFiles, string ErrorsFile);
