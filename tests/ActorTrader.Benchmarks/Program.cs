using ActorTrader.Benchmarks;
using ActorTrader.Benchmarks.Actors;
using ActorTrader.Benchmarks.Backtest;
using ActorTrader.Benchmarks.Cluster;
using ActorTrader.Benchmarks.Dashboard;
using ActorTrader.Benchmarks.Forecast;
using ActorTrader.Benchmarks.Ingest;
using ActorTrader.Benchmarks.Orders;
using ActorTrader.Benchmarks.Parquet;
using ActorTrader.Benchmarks.Persistence;
using ActorTrader.Benchmarks.Quant;
using ActorTrader.Benchmarks.Research;

// Usage: dotnet run -c Release --project tests/ActorTrader.Benchmarks -- <suite> [--json] [--quick]
// Each suite is one IBenchmarkSuite class; a new suite is one more entry here.
IBenchmarkSuite[] suites = [new ActorBenchmarkSuite(), new ParquetBenchmarkSuite(), new QuantBenchmarkSuite(), new IngestBenchmarkSuite(), new PersistenceBenchmarkSuite(), new BacktestBenchmarkSuite(), new OrdersBenchmarkSuite(), new ResearchBenchmarkSuite(), new ClusterBenchmarkSuite(), new DashboardBenchmarkSuite(), new ForecastBenchmarkSuite()];

var command = CommandLine.Parse(args);
if (command.ShowHelp)
{
    Console.WriteLine(CommandLine.Usage(suites));
    return 0;
}
if (command.Error is not null)
{
    Console.Error.WriteLine(command.Error);
    Console.Error.WriteLine(CommandLine.Usage(suites));
    return 2;
}

var suite = Array.Find(suites, s => string.Equals(s.Name, command.Suite, StringComparison.OrdinalIgnoreCase));
if (suite is null)
{
    Console.Error.WriteLine($"Unknown benchmark suite \"{command.Suite}\". Known suites: {string.Join(", ", suites.Select(s => s.Name))}.");
    return 2;
}

var figures = await suite.RunAsync(command.Options);
if (command.Options.Json) FigureWriter.WriteJsonLines(Console.Out, figures, command.Options.Mode);
else FigureWriter.WriteTable(Console.Out, suite.Name, command.Options, figures);
return 0;
