using System.Text.Json.Serialization;

namespace Grapevine.Core.Authenticity;

/// <summary>
/// A trained tree ensemble as plain arrays, evaluated without ML.NET: score = bias + Σ weight × leaf, then the
/// Platt calibrator p = 1 / (1 + exp(slope × score + offset)). Node n of a tree goes left when
/// feature[Feature[n]] ≤ Threshold[n]; a negative child c is the leaf ~c.
/// </summary>
public sealed class BoostedTrees
{
    private readonly int[] _roots;
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _leaf;
    private readonly int[] _leafStart;
    private readonly int[] _firstNode;

    [JsonConstructor]
    public BoostedTrees(double bias, double slope, double offset, IReadOnlyList<BoostedTree> trees)
    {
        Bias = bias;
        Slope = slope;
        Offset = offset;
        Trees = trees;
        // One flat copy of every tree so scoring walks contiguous arrays; leaf values are pre-multiplied by the tree weight.
        _roots = new int[trees.Count];
        _leafStart = new int[trees.Count];
        _firstNode = new int[trees.Count];
        var nodes = trees.Sum(t => t.Feature.Length);
        _feature = new int[nodes];
        _threshold = new float[nodes];
        _left = new int[nodes];
        _right = new int[nodes];
        _leaf = new double[trees.Sum(t => t.Leaf.Length)];
        int node = 0, leaf = 0;
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            _roots[t] = node;
            _leafStart[t] = leaf;
            _firstNode[t] = tree.Feature.Length == 0 ? ~0 : 0; // a single-leaf tree has no nodes: its root is leaf 0
            for (var n = 0; n < tree.Feature.Length; n++)
            {
                _feature[node + n] = tree.Feature[n];
                _threshold[node + n] = tree.Threshold[n];
                _left[node + n] = tree.Left[n];
                _right[node + n] = tree.Right[n];
            }
            for (var l = 0; l < tree.Leaf.Length; l++)
                _leaf[leaf + l] = tree.Weight * tree.Leaf[l];
            node += tree.Feature.Length;
            leaf += tree.Leaf.Length;
        }
    }

    public double Bias { get; }
    public double Slope { get; }
    public double Offset { get; }
    public IReadOnlyList<BoostedTree> Trees { get; }

    public double Score(ReadOnlySpan<float> features)
    {
        var score = Bias;
        for (var t = 0; t < _roots.Length; t++)
        {
            var root = _roots[t];
            var node = _firstNode[t];
            while (node >= 0)
            {
                var at = root + node;
                node = features[_feature[at]] <= _threshold[at] ? _left[at] : _right[at];
            }
            score += _leaf[_leafStart[t] + ~node];
        }
        return score;
    }

    public float Probability(ReadOnlySpan<float> features) => (float)(1 / (1 + Math.Exp(Slope * Score(features) + Offset)));
}

/// <summary>One regression tree: per node the split feature, threshold and children; per leaf its value.</summary>
public sealed record BoostedTree(double Weight, int[] Feature, float[] Threshold, int[] Left, int[] Right, double[] Leaf);
