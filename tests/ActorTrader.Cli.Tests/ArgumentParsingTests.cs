using ActorTrader.Cli.Commands;

namespace ActorTrader.Cli.Tests;

public sealed class ArgumentParsingTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private System.CommandLine.ParseResult Parse(params string[] args) =>
        CliApp.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null, _cli.Environment, _cli.Root)).Parse(args);

    [Fact]
    public void The_catalog_lists_every_operator_command()
    {
        var names = CliApp.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null, _cli.Environment, _cli.Root)).Subcommands.Select(c => c.Name);

        Assert.Subset(names.ToHashSet(), new HashSet<string> { "status", "halt", "resume", "rebalance", "errors", "config", "config-check" });
        Assert.Equal(CommandCatalog.All.Count, names.Count());
    }

    [Theory]
    [InlineData("status")]
    [InlineData("status", "--json")]
    [InlineData("halt", "--reason", "broker outage")]
    [InlineData("resume")]
    [InlineData("rebalance")]
    [InlineData("rebalance", "--sleeve", "core")]
    [InlineData("errors")]
    [InlineData("config", "show", "--file", "x.conf", "--json")]
    [InlineData("config-check", "--config", "x.conf")]
    public void Documented_command_lines_parse_without_errors(params string[] args) => Assert.Empty(Parse(args).Errors);

    [Fact]
    public void Halt_without_a_reason_is_a_parse_error() => Assert.NotEmpty(Parse("halt").Errors);

    [Theory]
    [InlineData("--config", "a.conf", "status")]
    [InlineData("status", "--config", "a.conf")]
    public void The_global_config_option_works_before_or_after_the_command(params string[] args)
    {
        var parse = Parse(args);
        var context = new CliContext(TextWriter.Null, TextWriter.Null, _cli.Environment, _cli.Root);

        Assert.Empty(parse.Errors);
        Assert.Equal("a.conf", parse.GetValue<string?>("--config"));
        Assert.NotNull(context.ConfigOption);
    }

    [Fact]
    public async Task An_unknown_command_exits_with_the_usage_code_and_says_so()
    {
        var (exit, _, error) = await _cli.RunAsync("bogus");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("bogus", error, StringComparison.Ordinal);
        Assert.Contains("--help", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_commands_and_exits_0()
    {
        var (exit, output, _) = await _cli.RunAsync("--help");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("config-check", output, StringComparison.Ordinal);
        Assert.Contains("rebalance", output, StringComparison.Ordinal);
    }
}
