namespace Grapevine.Core.Discovery.Engine;

/// <summary>
/// The best K rows seen so far by (key descending, account id ascending): a binary heap with the worst of them at
/// the root, so a row that cannot make the cut costs one comparison.
/// </summary>
internal sealed class TopK(int k)
{
    private readonly double[] _keys = new double[k];
    private readonly long[] _ids = new long[k];
    private readonly int[] _rows = new int[k];
    private int _count;

    public bool Full => _count == k;

    /// <summary>The key a row must reach (ties by account id) to enter once <see cref="Full"/>.</summary>
    public double WorstKey => _keys[0];

    public void Offer(double key, long id, int row)
    {
        if (_count < k)
        {
            var i = _count++;
            _keys[i] = key;
            _ids[i] = id;
            _rows[i] = row;
            SiftUp(i);
            return;
        }
        if (!Better(key, id, _keys[0], _ids[0]))
            return;
        _keys[0] = key;
        _ids[0] = id;
        _rows[0] = row;
        SiftDown(0);
    }

    /// <summary>The rows, best first.</summary>
    public int[] Rows()
    {
        var order = Enumerable.Range(0, _count).ToArray();
        Array.Sort(order, (a, b) => Better(_keys[a], _ids[a], _keys[b], _ids[b]) ? -1 : Better(_keys[b], _ids[b], _keys[a], _ids[a]) ? 1 : 0);
        return [.. order.Select(i => _rows[i])];
    }

    private static bool Better(double key, long id, double otherKey, long otherId) =>
        key > otherKey || (key == otherKey && id < otherId);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Better(_keys[parent], _ids[parent], _keys[i], _ids[i]))
                break;
            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var worst = i;
            var left = 2 * i + 1;
            var right = left + 1;
            if (left < _count && Better(_keys[worst], _ids[worst], _keys[left], _ids[left]))
                worst = left;
            if (right < _count && Better(_keys[worst], _ids[worst], _keys[right], _ids[right]))
                worst = right;
            if (worst == i)
                return;
            Swap(i, worst);
            i = worst;
        }
    }

    private void Swap(int a, int b)
    {
        (_keys[a], _keys[b]) = (_keys[b], _keys[a]);
        (_ids[a], _ids[b]) = (_ids[b], _ids[a]);
        (_rows[a], _rows[b]) = (_rows[b], _rows[a]);
    }
}
