using System.Globalization;

namespace ActorTrader.Trading.Host.Replay;

/// <summary>A one-line progress bar on standard error, redrawn in place; only when standard error is a terminal.</summary>
public sealed class TerminalProgressBar(TextWriter error) : IReplayProgressBar
{
    private const int Width = 30;
    private readonly Lock _gate = new();

    /// <summary>A bar on the process's standard error, or null when it is not a terminal (logs and pipes get no bar).</summary>
    public static TerminalProgressBar? ForConsole() => Console.IsErrorRedirected ? null : new TerminalProgressBar(Console.Error);

    public void Clear()
    {
        lock (_gate) error.Write("\r\u001b[K");
    }

    public void Draw(ReplayProgressView view)
    {
        var done = view.Total == 0 ? Width : (int)Math.Round((double)view.Completed / view.Total * Width);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"\r[{new string('#', done)}{new string('.', Width - done)}] {view.Completed}/{view.Total}{(view.LastDate is { } d ? " " + Day.IsoDate.Text(d) : "")}");
        lock (_gate)
        {
            error.Write(text);
            error.Flush();
        }
    }
}
