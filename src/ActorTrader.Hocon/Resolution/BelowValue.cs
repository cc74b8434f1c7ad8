namespace ActorTrader.Hocon.Resolution;

/// <summary>The merged value of a field's earlier definitions, computed on first use (it may never be needed).</summary>
internal sealed class BelowValue(Func<HoconValue?> compute, Func<Exception> onReentry)
{
    private bool _running;
    private bool _done;
    private HoconValue? _value;

    public HoconValue? Value
    {
        get
        {
            if (_done)
            {
                return _value;
            }

            if (_running)
            {
                throw onReentry();
            }

            _running = true;
            try
            {
                _value = compute();
                _done = true;
                return _value;
            }
            finally
            {
                _running = false;
            }
        }
    }
}
