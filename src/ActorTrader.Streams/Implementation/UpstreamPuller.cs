namespace ActorTrader.Streams.Implementation;

/// <summary>
/// Pulls from upstream for stages that wait on two things at once (an element or a timer, an element or a kill
/// switch). A pull still in flight when the other thing wins is parked and taken by the next pull, so upstream is
/// never asked twice at the same time. Upstream runs under its own token, cancelled when the stage stops.
/// </summary>
internal sealed class UpstreamPuller<T> : IAsyncDisposable
{
    private readonly IAsyncEnumerator<T> _enumerator;
    private readonly CancellationTokenSource _cancel;
    private readonly ActorMaterializer _materializer;
    private readonly string _stage;
    private Task<bool>? _parked;
    private bool _disposed;

    public UpstreamPuller(IAsyncEnumerable<T> upstream, ActorMaterializer materializer, string stage, CancellationToken cancellationToken)
    {
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _materializer = materializer;
        _stage = stage;
        _enumerator = upstream.GetAsyncEnumerator(_cancel.Token);
    }

    public T Current => _enumerator.Current;

    /// <summary>The parked pull if there is one, else a new one.</summary>
    public ValueTask<bool> PullAsync()
    {
        if (_parked is { } parked)
        {
            _parked = null;
            return new ValueTask<bool>(parked);
        }
        return _enumerator.MoveNextAsync();
    }

    /// <summary>Keeps a pull that lost a race; the next <see cref="PullAsync"/> returns it.</summary>
    public void Park(Task<bool> pull) => _parked = pull;

    /// <summary>Cancels upstream and disposes it once any parked pull has finished.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _cancel.CancelAsync().ConfigureAwait(false);
        await FinishParkedPull().ConfigureAwait(false);
        await _enumerator.DisposeAsync().ConfigureAwait(false);
        _cancel.Dispose();
    }

    /// <summary>Cancels upstream now and disposes it in the background, for stages that must not wait for it (kill switches).</summary>
    public void Detach()
    {
        if (_disposed) return;
        _disposed = true;
        _cancel.Cancel();
        _ = DisposeDetachedAsync();
    }

    private async Task DisposeDetachedAsync()
    {
        try
        {
            await FinishParkedPull().ConfigureAwait(false);
            await _enumerator.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (!Supervise.IsCancellation(e, _cancel.Token))
        {
            _materializer.ReportDetachedFailure(_stage, e);
        }
        catch (OperationCanceledException)
        {
            // Upstream saw the cancellation it was sent.
        }
        finally
        {
            _cancel.Dispose();
        }
    }

    private async Task FinishParkedPull()
    {
        if (_parked is not { } parked) return;
        _parked = null;
        try
        {
            await parked.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
        {
            // Upstream saw the cancellation it was sent.
        }
        catch (Exception e)
        {
            // Nobody downstream wants elements any more; the error is reported, not delivered.
            _materializer.ReportDetachedFailure(_stage, e);
        }
    }
}
