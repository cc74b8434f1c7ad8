namespace ActorTrader.Cli.Tests;

/// <summary>Runs the CLI entry point in-process against a temp directory, capturing its output.</summary>
public sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        Root = Path.Combine(Path.GetTempPath(), "actortrader-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string DataDir => Path.Combine(Root, "data");

    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    public Func<HttpMessageHandler>? HttpHandler { get; set; }

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public string WriteConfig(string text, string name = "node.conf")
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A valid node file with its data under this harness's root.</summary>
    public string WriteCleanConfig(string extra = "", string name = "node.conf") => WriteConfig($$"""
        actortrader {
          node { name = "cli-test", data-dir = "{{DataDir}}" }
          {{extra}}
        }
        """, name);

    public async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, Environment, Root) { RequestTimeout = RequestTimeout };
        if (HttpHandler is not null) context = context with { HttpHandlerFactory = HttpHandler };
        var exit = await CliApp.RunAsync(args, context);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
