namespace ActorTrader.Actors;

/// <summary>The standard <see cref="ICancelable"/>, over a <see cref="CancellationTokenSource"/>.</summary>
public sealed class Cancelable : ICancelable, IDisposable
{
    private readonly CancellationTokenSource _source = new();

    public void Cancel()
    {
        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Cancelling after disposal is a no-op by contract.
        }
    }

    public bool IsCancellationRequested => _source.IsCancellationRequested;

    public CancellationToken Token => _source.Token;

    public void Dispose() => _source.Dispose();
}
