using Spectre.Console;

namespace ActorTrader.Cli.Backtesting;

/// <summary>
/// A progress bar over a run's stages (load data, replay signals, simulate, report, ...) on stderr — only when both
/// stdout and stderr are an interactive terminal and the command does not print JSON, so pipes, CI logs, tests and
/// <c>--json</c> output never see it. Each <see cref="Begin"/> completes the stage before it.
/// </summary>
internal sealed class StageProgress : IDisposable
{
    private readonly string _title;
    private readonly ProgressTask? _task;
    private readonly TaskCompletionSource? _finished;
    private readonly Task? _rendering;
    private int _begun;

    private StageProgress(string title, ProgressTask? task, TaskCompletionSource? finished, Task? rendering)
    {
        _title = title;
        _task = task;
        _finished = finished;
        _rendering = rendering;
    }

    public static StageProgress Create(CliContext context, string title, int stages, bool json)
    {
        ArgumentNullException.ThrowIfNull(context);
        var interactive = !json
            && ReferenceEquals(context.Error, Console.Error) && ReferenceEquals(context.Out, Console.Out)
            && !Console.IsErrorRedirected && !Console.IsOutputRedirected;
        if (!interactive) return new StageProgress(title, null, null, null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Interactive = InteractionSupport.Yes });
        var started = new TaskCompletionSource<ProgressTask>(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rendering = console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                started.SetResult(progress.AddTask(Markup.Escape(title), maxValue: Math.Max(1, stages)));
                await finished.Task.ConfigureAwait(false);
            });
        return new StageProgress(title, started.Task.GetAwaiter().GetResult(), finished, rendering);
    }

    /// <summary>Marks the previous stage done and shows <paramref name="stage"/> as running.</summary>
    public void Begin(string stage)
    {
        if (_task is null) return;
        _task.Value = _begun++;
        _task.Description = Markup.Escape($"{_title}: {stage}");
    }

    public void Dispose()
    {
        if (_finished is null) return;
        _task!.Value = _task.MaxValue;
        _finished.TrySetResult();
        _rendering!.GetAwaiter().GetResult();
    }
}
