namespace ActorTrader.Benchmarks;

/// <summary>A named group of figures, selected on the command line (e.g. <c>actors</c>).</summary>
internal interface IBenchmarkSuite
{
    /// <summary>The command-line name, lower case.</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Description { get; }

    /// <summary>Measures every figure of the suite, each next to its baseline from the same run.</summary>
    Task<IReadOnlyList<BenchmarkFigure>> RunAsync(BenchmarkOptions options);
}
