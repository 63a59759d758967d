using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace Grapevine.Core.Authenticity;

/// <summary>
/// A trained tree ensemble as plain arrays, evaluated without ML.NET: score = bias + Σ weight × leaf, then the
/// Platt calibrator p = 1 / (1 + exp(slope × score + offset)). Node n of a tree goes left when
/// feature[Feature[n]] ≤ Threshold[n]; a negative child c is the leaf ~c.
/// </summary>
public sealed class BoostedTrees
{
    // Trees are laid out complete, every path Depth nodes long (shorter paths padded with nodes that always go left
    // and copies of their leaf), so scoring is Depth branch-free steps per tree: no mispredicted jumps.
    private const int MaxDepth = 12;
    private readonly int _depth;
    private readonly Split[] _split;
    private readonly double[] _leaf;
    private readonly int _count;
    private readonly int _width;

    [JsonConstructor]
    public BoostedTrees(double bias, double slope, double offset, IReadOnlyList<BoostedTree> trees)
    {
        Bias = bias;
        Slope = slope;
        Offset = offset;
        Trees = trees;
        _depth = trees.Count == 0 ? 0 : trees.Max(Depth);
        if (_depth > MaxDepth)
            throw new AuthenticityDataException($"trees deeper than {MaxDepth} levels are not supported (this one is {_depth})");
        var nodes = (1 << _depth) - 1;
        _count = trees.Count;
        _width = trees.Count == 0 ? 0 : trees.Max(t => t.Feature.DefaultIfEmpty(-1).Max()) + 1;
        if (trees.Any(t => t.Feature.Any(f => f < 0)))
            throw new AuthenticityDataException("a tree splits on a negative feature index");
        _split = new Split[trees.Count * nodes];
        _leaf = new double[trees.Count << _depth];
        for (var t = 0; t < trees.Count; t++)
            Lay(trees[t], t, trees[t].Feature.Length == 0 ? ~0 : 0, 0, 0);
    }

    public double Bias { get; }
    public double Slope { get; }
    public double Offset { get; }
    public IReadOnlyList<BoostedTree> Trees { get; }

    public double Score(ReadOnlySpan<float> features)
    {
        if (features.Length < _width)
            throw new ArgumentException($"the trees need {_width} features, not {features.Length}", nameof(features));
        var score = Bias;
        var nodes = (1 << _depth) - 1;
        ref var x = ref MemoryMarshal.GetReference(features);
        ref var split = ref MemoryMarshal.GetArrayDataReference(_split);
        ref var leaf = ref MemoryMarshal.GetArrayDataReference(_leaf);
        // Bounds were checked when the trees were laid out (every feature index < _width, every slot inside the arrays).
        for (int t = 0, root = 0, leaves = -nodes; t < _count; t++, root += nodes, leaves += nodes + 1)
        {
            var node = 0;
            for (var d = 0; d < _depth; d++)
            {
                var s = Unsafe.Add(ref split, root + node);
                node = 2 * node + 1 + (Unsafe.Add(ref x, s.Feature) > s.Threshold ? 1 : 0);
            }
            score += Unsafe.Add(ref leaf, leaves + node);
        }
        return score;
    }

    /// <summary>
    /// Probabilities of a block of rows (row r's features at r × <paramref name="width"/>): tree by tree over all rows,
    /// so each tree is read once per block and the rows' walks overlap in the processor.
    /// </summary>
    public void Probabilities(ReadOnlySpan<float> rows, int width, Span<float> probabilities)
    {
        var count = probabilities.Length;
        if (width < _width || rows.Length < count * width)
            throw new ArgumentException($"the trees need {_width} features for each of {count} rows", nameof(rows));
        Span<double> scores = count <= 256 ? stackalloc double[count] : new double[count];
        scores.Fill(Bias);
        var nodes = (1 << _depth) - 1;
        ref var x = ref MemoryMarshal.GetReference(rows);
        ref var split = ref MemoryMarshal.GetArrayDataReference(_split);
        ref var leaf = ref MemoryMarshal.GetArrayDataReference(_leaf);
        ref var score = ref MemoryMarshal.GetReference(scores);
        for (int t = 0, root = 0, leaves = -nodes; t < _count; t++, root += nodes, leaves += nodes + 1)
        {
            for (var r = 0; r < count; r++)
            {
                ref var row = ref Unsafe.Add(ref x, r * width);
                var node = 0;
                for (var d = 0; d < _depth; d++)
                {
                    var s = Unsafe.Add(ref split, root + node);
                    node = 2 * node + 1 + (Unsafe.Add(ref row, s.Feature) > s.Threshold ? 1 : 0);
                }
                Unsafe.Add(ref score, r) += Unsafe.Add(ref leaf, leaves + node);
            }
        }
        for (var r = 0; r < count; r++)
            probabilities[r] = (float)(1 / (1 + Math.Exp(Slope * scores[r] + Offset)));
    }

    public float Probability(ReadOnlySpan<float> features) => (float)(1 / (1 + Math.Exp(Slope * Score(features) + Offset)));

    private void Lay(BoostedTree tree, int t, int source, int slot, int level)
    {
        var nodes = (1 << _depth) - 1;
        if (level == _depth)
        {
            _leaf[(t << _depth) + slot - nodes] = tree.Weight * tree.Leaf[~source];
            return;
        }
        var at = t * nodes + slot;
        if (source < 0)
        {
            // Padding: always left (no feature exceeds +∞), and the same leaf on both sides.
            _split[at] = new Split(0, float.PositiveInfinity);
            Lay(tree, t, source, 2 * slot + 1, level + 1);
            Lay(tree, t, source, 2 * slot + 2, level + 1);
            return;
        }
        _split[at] = new Split(tree.Feature[source], tree.Threshold[source]);
        Lay(tree, t, tree.Left[source], 2 * slot + 1, level + 1);
        Lay(tree, t, tree.Right[source], 2 * slot + 2, level + 1);
    }

    private readonly record struct Split(int Feature, float Threshold);

    private static int Depth(BoostedTree tree)
    {
        int Walk(int node) => node < 0 ? 0 : 1 + Math.Max(Walk(tree.Left[node]), Walk(tree.Right[node]));
        return tree.Feature.Length == 0 ? 0 : Walk(0);
    }
}

/// <summary>One regression tree: per node the split feature, threshold and children; per leaf its value.</summary>
public sealed record BoostedTree(double Weight, int[] Feature, float[] Threshold, int[] Left, int[] Right, double[] Leaf);
