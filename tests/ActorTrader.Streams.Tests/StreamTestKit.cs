using ActorTrader.TestKit;

namespace ActorTrader.Streams.Tests;

/// <summary>A TestKit with the system's materializer and an await that fails instead of hanging.</summary>
public abstract class StreamTestKit : TestKit.TestKit
{
    protected StreamTestKit(TestKitSettings? settings = null) : base(settings)
    {
        Materializer = Sys.Materializer();
    }

    protected ActorMaterializer Materializer { get; }

    protected Task<T> Within<T>(Task<T> task) => task.WaitAsync(DefaultTimeout);

    protected Task Within(Task task) => task.WaitAsync(DefaultTimeout);

    protected static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>0, 1, 2, ... forever; sets <paramref name="disposed"/> when its enumerator is disposed.</summary>
    protected static IEnumerable<int> Naturals(TaskCompletionSource disposed, Action<int>? onProduce = null)
    {
        try
        {
            for (var i = 0; ; i++)
            {
                onProduce?.Invoke(i);
                yield return i;
            }
        }
        finally
        {
            disposed.TrySetResult();
        }
    }
}
