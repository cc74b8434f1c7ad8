namespace ActorTrader.Streams.Implementation;

/// <summary>A growable double-ended queue: buffers drop from either end (DropHead, DropTail) and read from the front.</summary>
internal sealed class RingBuffer<T>
{
    private T[] _items;
    private int _head;

    public RingBuffer(int initialCapacity)
    {
        _items = new T[Math.Max(4, initialCapacity)];
    }

    public int Count { get; private set; }

    public void PushBack(T item)
    {
        if (Count == _items.Length) Grow();
        _items[(_head + Count) % _items.Length] = item;
        Count++;
    }

    public T PopFront()
    {
        if (Count == 0) throw new InvalidOperationException("The buffer is empty.");
        var item = _items[_head];
        _items[_head] = default!;
        _head = (_head + 1) % _items.Length;
        Count--;
        return item;
    }

    public T PopBack()
    {
        if (Count == 0) throw new InvalidOperationException("The buffer is empty.");
        var index = (_head + Count - 1) % _items.Length;
        var item = _items[index];
        _items[index] = default!;
        Count--;
        return item;
    }

    public void Clear()
    {
        Array.Clear(_items);
        _head = 0;
        Count = 0;
    }

    private void Grow()
    {
        var larger = new T[_items.Length * 2];
        for (var i = 0; i < Count; i++) larger[i] = _items[(_head + i) % _items.Length];
        _items = larger;
        _head = 0;
    }
}
