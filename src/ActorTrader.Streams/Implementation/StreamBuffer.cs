using System.Runtime.CompilerServices;

namespace ActorTrader.Streams.Implementation;

/// <summary>
/// A bounded buffer between a producer that offers elements (a queue source, an actor source, a Buffer stage's
/// pump) and the one stage that reads them, applying an <see cref="OverflowStrategy"/> when full. A backpressured
/// offer stays pending until the reader makes room. Failing discards what is buffered, completing drains it first.
/// </summary>
internal sealed class StreamBuffer<T>
{
    private static readonly Task<QueueOfferResult> EnqueuedTask = Task.FromResult<QueueOfferResult>(QueueOfferResult.Enqueued.Instance);
    private static readonly Task<QueueOfferResult> DroppedTask = Task.FromResult<QueueOfferResult>(QueueOfferResult.Dropped.Instance);
    private static readonly Task<QueueOfferResult> ClosedTask = Task.FromResult<QueueOfferResult>(QueueOfferResult.QueueClosed.Instance);

    private readonly Lock _gate = new();
    private readonly RingBuffer<T> _items;
    private readonly Queue<(T Element, TaskCompletionSource<QueueOfferResult> Result)> _pendingOffers = new();
    private readonly TaskCompletionSource _termination = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action? _onReaderGone;
    private TaskCompletionSource? _readerWaiting;
    private bool _completed;
    private bool _readerGone;
    private Exception? _failure;

    public StreamBuffer(int capacity, OverflowStrategy strategy, Action? onReaderGone = null)
    {
        if (capacity < 0 || (capacity == 0 && strategy != OverflowStrategy.Backpressure))
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity,
                "A stream buffer needs a positive size (0 only with OverflowStrategy.Backpressure). Fix: pass a size of at least 1.");
        Capacity = capacity;
        Strategy = strategy;
        _items = new RingBuffer<T>(Math.Min(capacity, 1024));
        _onReaderGone = onReaderGone;
    }

    public int Capacity { get; }

    public OverflowStrategy Strategy { get; }

    /// <summary>Completes when the reader has finished: success on completion or cancellation, faulted on failure.</summary>
    public Task Termination => _termination.Task;

    public Task<QueueOfferResult> Offer(T element)
    {
        TaskCompletionSource? wake;
        Task<QueueOfferResult> result;
        lock (_gate)
        {
            if (_failure is { } failure) return Task.FromResult<QueueOfferResult>(new QueueOfferResult.Failure(failure));
            if (_completed || _readerGone) return ClosedTask;
            if (_items.Count < Capacity || (_items.Count == 0 && _readerWaiting is not null))
            {
                _items.PushBack(element);
                result = EnqueuedTask;
            }
            else
            {
                result = Overflow(element);
            }
            wake = _readerWaiting;
            _readerWaiting = null;
        }
        wake?.TrySetResult();
        return result;
    }

    // Called under the lock with the buffer full.
    private Task<QueueOfferResult> Overflow(T element)
    {
        switch (Strategy)
        {
            case OverflowStrategy.DropHead:
                _items.PopFront();
                _items.PushBack(element);
                return EnqueuedTask;
            case OverflowStrategy.DropTail:
                _items.PopBack();
                _items.PushBack(element);
                return EnqueuedTask;
            case OverflowStrategy.DropBuffer:
                _items.Clear();
                _items.PushBack(element);
                return EnqueuedTask;
            case OverflowStrategy.DropNew:
                return DroppedTask;
            case OverflowStrategy.Backpressure:
                var pending = new TaskCompletionSource<QueueOfferResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                _pendingOffers.Enqueue((element, pending));
                return pending.Task;
            case OverflowStrategy.Fail:
                var overflow = new BufferOverflowException(Capacity);
                FailUnderLock(overflow);
                return Task.FromResult<QueueOfferResult>(new QueueOfferResult.Failure(overflow));
            default:
                throw new ArgumentOutOfRangeException(nameof(element), Strategy, "Unknown overflow strategy.");
        }
    }

    /// <summary>No more elements will be offered; the reader drains the buffer, then completes.</summary>
    public void Complete()
    {
        TaskCompletionSource? wake;
        List<TaskCompletionSource<QueueOfferResult>> refused;
        lock (_gate)
        {
            if (_completed || _failure is not null) return;
            _completed = true;
            refused = TakePendingOffers();
            wake = _readerWaiting;
            _readerWaiting = null;
        }
        foreach (var offer in refused) offer.TrySetResult(QueueOfferResult.QueueClosed.Instance);
        wake?.TrySetResult();
    }

    /// <summary>The reader fails with <paramref name="cause"/> at once; buffered elements are discarded.</summary>
    public void Fail(Exception cause)
    {
        TaskCompletionSource? wake;
        lock (_gate)
        {
            if (_completed || _failure is not null) return;
            FailUnderLock(cause);
            wake = _readerWaiting;
            _readerWaiting = null;
        }
        wake?.TrySetResult();
    }

    private void FailUnderLock(Exception cause)
    {
        _failure = cause;
        _items.Clear();
        foreach (var offer in TakePendingOffers()) offer.TrySetResult(new QueueOfferResult.Failure(cause));
    }

    private List<TaskCompletionSource<QueueOfferResult>> TakePendingOffers()
    {
        var offers = new List<TaskCompletionSource<QueueOfferResult>>(_pendingOffers.Count);
        while (_pendingOffers.TryDequeue(out var pending)) offers.Add(pending.Result);
        return offers;
    }

    /// <summary>The elements, for the one reader; disposing it closes the buffer (later offers see QueueClosed).</summary>
    public IAsyncEnumerable<T> ReadAllAsync() => new DisposeHook<T>(Read(), () => CloseReader(null));

    private async IAsyncEnumerable<T> Read([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Exception? failed = null;
        try
        {
            while (true)
            {
                T item = default!;
                Task? wait = null;
                TaskCompletionSource<QueueOfferResult>? admitted = null;
                var done = false;
                lock (_gate)
                {
                    if (_failure is not null)
                    {
                        failed = _failure;
                    }
                    else if (_items.Count > 0)
                    {
                        item = _items.PopFront();
                        if (_pendingOffers.TryDequeue(out var next))
                        {
                            _items.PushBack(next.Element);
                            admitted = next.Result;
                        }
                    }
                    else if (_pendingOffers.TryDequeue(out var direct))
                    {
                        item = direct.Element;
                        admitted = direct.Result;
                    }
                    else if (_completed)
                    {
                        done = true;
                    }
                    else
                    {
                        _readerWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        wait = _readerWaiting.Task;
                    }
                }
                if (failed is not null) throw failed;
                admitted?.TrySetResult(QueueOfferResult.Enqueued.Instance);
                if (done) yield break;
                if (wait is not null)
                {
                    await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }
                yield return item;
            }
        }
        finally
        {
            CloseReader(failed);
        }
    }

    private void CloseReader(Exception? failed)
    {
        List<TaskCompletionSource<QueueOfferResult>> refused;
        bool wasOpen;
        lock (_gate)
        {
            if (_readerGone) return;
            wasOpen = !_completed && _failure is null;
            _readerGone = true;
            _readerWaiting = null;
            refused = TakePendingOffers();
            _items.Clear();
        }
        foreach (var offer in refused) offer.TrySetResult(QueueOfferResult.QueueClosed.Instance);
        if (failed is not null)
        {
            _termination.TrySetException(failed);
            // The reader has already rethrown this error downstream; watching completion is optional, so an
            // unwatched Termination must not surface as an UnobservedTaskException.
            _ = _termination.Task.Exception;
        }
        else
        {
            _termination.TrySetResult();
        }
        if (wasOpen) _onReaderGone?.Invoke();
    }
}
