using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
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
    // Eight rows at a time: a tree of at most 3 levels has at most 8 leaves, one vector to pick from.
    private const int MaxVectorDepth = 3;
    private const int Lanes = 8;
    private const int VectorBlock = 64;
    private readonly int _depth;
    private readonly Split[] _split;
    // Leaf values (tree weight included) as floats, so that the vector path picks them with one permute; both paths
    // add them up in double in the same order, so they give the same bits.
    private readonly float[] _leaf;
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
        _leaf = new float[(trees.Count << _depth) + Lanes]; // + Lanes: the vector path reads 8 leaves of the last tree
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
    /// Probabilities of a block of rows (row r's features at r × <paramref name="width"/>). With AVX2 and trees of at
    /// most three levels, eight rows go down each tree at once; otherwise tree by tree over all rows, so each tree is
    /// read once per block and the rows' walks overlap in the processor. Both give the bits <see cref="Probability"/> gives.
    /// </summary>
    public void Probabilities(ReadOnlySpan<float> rows, int width, Span<float> probabilities)
    {
        var count = probabilities.Length;
        if (width < _width || rows.Length < count * width)
            throw new ArgumentException($"the trees need {_width} features for each of {count} rows", nameof(rows));
        if (!Avx2.IsSupported || _depth > MaxVectorDepth || count < Lanes)
        {
            ScalarProbabilities(rows, width, probabilities);
            return;
        }
        Span<float> columns = stackalloc float[width * VectorBlock];
        for (var start = 0; start < count; start += VectorBlock)
        {
            var n = Math.Min(VectorBlock, count - start);
            VectorProbabilities(rows.Slice(start * width, n * width), width, columns, probabilities.Slice(start, n));
        }
    }

    private void ScalarProbabilities(ReadOnlySpan<float> rows, int width, Span<float> probabilities)
    {
        var count = probabilities.Length;
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
            probabilities[r] = Calibrate(scores[r]);
    }

    // Up to 64 rows: features transposed to columns (feature f of row r at f × 64 + r), then for each group of eight
    // rows every node of a tree is compared at once and each row keeps the comparison of the node it is at.
    private void VectorProbabilities(ReadOnlySpan<float> rows, int width, Span<float> columns, Span<float> probabilities)
    {
        var count = probabilities.Length;
        var padded = (count + Lanes - 1) / Lanes * Lanes;
        for (var r = 0; r < padded; r++)
        {
            var row = rows.Slice(Math.Min(r, count - 1) * width, width); // padding rows repeat the last one
            for (var f = 0; f < width; f++)
                columns[f * VectorBlock + r] = row[f];
        }
        var nodes = (1 << _depth) - 1;
        var leavesPerTree = 1 << _depth;
        Span<double> scores = stackalloc double[VectorBlock];
        ref var column = ref MemoryMarshal.GetReference(columns);
        ref var split = ref MemoryMarshal.GetArrayDataReference(_split);
        ref var leaf = ref MemoryMarshal.GetArrayDataReference(_leaf);
        var one = Vector256<int>.One;
        for (var g = 0; g < padded; g += Lanes)
        {
            var low = Vector256.Create(Bias);
            var high = low;
            for (int t = 0, root = 0, leaves = 0; t < _count; t++, root += nodes, leaves += leavesPerTree)
            {
                var node = Vector256<int>.Zero;
                for (int d = 0, first = 0; d < _depth; d++, first = 2 * first + 1)
                {
                    var right = Vector256<int>.Zero;
                    for (var n = first; n < 2 * first + 1; n++)
                    {
                        var s = Unsafe.Add(ref split, root + n);
                        var x = Vector256.LoadUnsafe(ref column, (nuint)(s.Feature * VectorBlock + g));
                        var goesRight = Vector256.GreaterThan(x, Vector256.Create(s.Threshold)).AsInt32();
                        right |= d == 0 ? goesRight : goesRight & Vector256.Equals(node, Vector256.Create(n));
                    }
                    node = node + node + one - right; // right is -1 where the row goes right
                }
                var values = Avx2.PermuteVar8x32(Vector256.LoadUnsafe(ref leaf, (nuint)leaves), node - Vector256.Create(nodes));
                low += Vector256.WidenLower(values);
                high += Vector256.WidenUpper(values);
            }
            low.CopyTo(scores[g..]);
            high.CopyTo(scores[(g + 4)..]);
        }
        for (var r = 0; r < count; r++)
            probabilities[r] = Calibrate(scores[r]);
    }

    private float Calibrate(double score) => (float)(1 / (1 + Math.Exp(Slope * score + Offset)));

    public float Probability(ReadOnlySpan<float> features) => Calibrate(Score(features));

    private void Lay(BoostedTree tree, int t, int source, int slot, int level)
    {
        var nodes = (1 << _depth) - 1;
        if (level == _depth)
        {
            _leaf[(t << _depth) + slot - nodes] = (float)(tree.Weight * tree.Leaf[~source]);
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
