using ActorTrader.Quant.Solvers.Lp;

namespace ActorTrader.Quant.Tests.Solvers.Lp;

public class KernelTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 13)]
    [InlineData(9, 1030)]
    [InlineData(16, 37)]
    public void Gram_matrix_matches_plain_dot_products_in_the_lower_triangle(int rows, int length)
    {
        var random = new Random(rows * 1000 + length);
        var x = Enumerable.Range(0, rows * length).Select(_ => random.NextDouble() - 0.5).ToArray();
        var c = Enumerable.Range(0, rows * rows).Select(_ => 1.0).ToArray();

        GramMatrix.AddLower(x, rows, length, c);

        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < rows; j++)
            {
                var expected = 1.0;
                if (j <= i) for (var k = 0; k < length; k++) expected += x[i * length + k] * x[j * length + k];
                Assert.Equal(expected, c[i * rows + j], 1e-12);
            }
        }
    }

    [Fact]
    public void Gram_matrix_on_many_threads_matches_plain_dot_products()
    {
        const int rows = 67;
        const int length = 1100;
        var random = new Random(67);
        var x = Enumerable.Range(0, rows * length).Select(_ => random.NextDouble() - 0.5).ToArray();
        var c = new double[rows * rows];

        GramMatrix.AddLower(x, rows, length, c, threads: 4);

        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < rows; j++)
            {
                var expected = 0.0;
                if (j <= i) for (var k = 0; k < length; k++) expected += x[i * length + k] * x[j * length + k];
                Assert.Equal(expected, c[i * rows + j], 1e-10);
            }
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void Gram_matrix_is_bit_identical_on_one_thread_and_on_many(int threads)
    {
        const int rows = 131;
        const int length = 1290;
        var random = new Random(131);
        var x = Enumerable.Range(0, rows * length).Select(_ => random.NextDouble() - 0.5).ToArray();
        var serial = Enumerable.Range(0, rows * rows).Select(_ => random.NextDouble()).ToArray();
        var parallel = (double[])serial.Clone();

        GramMatrix.AddLower(x, rows, length, serial, threads: 1);
        GramMatrix.AddLower(x, rows, length, parallel, threads);

        for (var e = 0; e < serial.Length; e++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(serial[e]) == BitConverter.DoubleToInt64Bits(parallel[e]), $"entry {e}: {serial[e]:R} on one thread, {parallel[e]:R} on {threads}");
        }
    }

    [Fact]
    public void Skyline_cholesky_solves_a_banded_system()
    {
        // Tridiagonal SPD matrix with a longer reach in one row: A = diag(4) − 1 off the diagonal, plus A[5,1] = 0.5.
        const int n = 8;
        var first = Enumerable.Range(0, n).Select(i => Math.Max(0, i - 1)).ToArray();
        first[5] = 1;
        var matrix = new SkylineMatrix(first);
        var dense = new double[n, n];
        void Set(int i, int j, double v)
        {
            matrix.Values[matrix.IndexOf(i, j)] = v;
            (dense[i, j], dense[j, i]) = (v, v);
        }
        for (var i = 0; i < n; i++)
        {
            Set(i, i, 4);
            if (i > 0) Set(i, i - 1, -1);
        }
        Set(5, 1, 0.5);
        var expected = Enumerable.Range(1, n).Select(i => (double)i).ToArray();
        var b = new double[n];
        for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) b[i] += dense[i, j] * expected[j];

        matrix.Factor();
        matrix.ForwardSolve(b);
        matrix.BackwardSolve(b);

        for (var i = 0; i < n; i++) Assert.Equal(expected[i], b[i], 1e-12);
    }

    [Fact]
    public void Reverse_cuthill_mckee_turns_a_shuffled_path_into_a_band()
    {
        const int n = 50;
        var random = new Random(3);
        var label = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        var neighbours = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i + 1 < n; i++)
        {
            neighbours[label[i]].Add(label[i + 1]);
            neighbours[label[i + 1]].Add(label[i]);
        }

        var order = ReverseCuthillMcKee.Order(neighbours.Select(l => l.ToArray()).ToArray());

        var position = new int[n];
        for (var p = 0; p < n; p++) position[order[p]] = p;
        Assert.Equal(Enumerable.Range(0, n), order.OrderBy(v => v));
        for (var i = 0; i + 1 < n; i++) Assert.Equal(1, Math.Abs(position[label[i]] - position[label[i + 1]]));
    }
}
