using System.Diagnostics;

namespace Grapevine.Core.Campaigns.Planning;

/// <summary>
/// The fast planner for large candidate sets: must-includes first, then the cheapest way to meet every
/// minimum, then greedy by marginal value per dollar (marginal: after diminishing returns in the creator's
/// overlap group), then local search — change a creator's option, swap a chosen creator for another, add
/// whoever still fits — until no move improves the value or the time limit passes. Returns null when it
/// cannot meet the rules (the caller then asks the exact solver which rules conflict).
/// </summary>
internal sealed class HeuristicPlanner(PlanModel model, TimeSpan timeLimit, LinearRelaxation? relaxation = null)
{
    private const double Epsilon = 1e-9;

    private readonly int[] _choice = Enumerable.Repeat(-1, model.Count).ToArray();
    private readonly double[] _groupSum = new double[model.GroupNames.Length];
    private readonly int[] _tierCount = new int[model.TierNames.Length];
    private readonly int[] _platformCount = new int[model.PlatformNames.Length];
    private int _count;
    private double _cost;

    // The time limit counts from `started` when given (e.g. from before the relaxation was solved).
    public int[]? Solve(long? started = null)
    {
        var start0 = started ?? Stopwatch.GetTimestamp();
        // Starts, best first: the relaxation rounded; then greedy with a creator slot priced at the relaxation's
        // price, and (when the number of creators is capped) at shares of the budget per slot. The best plan wins.
        var starts = new List<Func<bool>>();
        if (relaxation is not null)
        {
            starts.Add(() => ConstructFromRelaxation(relaxation));
            starts.Add(() => Construct(relaxation.SlotPrice));
        }
        double[] slotPrices = model.MaxCreators < int.MaxValue
            ? new[] { 0, 0.25, 0.5, 1, 2 }.Select(f => f * model.Budget / Math.Max(1, model.MaxCreators)).ToArray()
            : [0];
        starts.AddRange(slotPrices.Select(price => (Func<bool>)(() => Construct(price))));

        int[]? best = null;
        var bestValue = double.NegativeInfinity;
        var anyFeasible = false;
        for (var k = 0; k < starts.Count; k++)
        {
            var elapsed = Stopwatch.GetElapsedTime(start0);
            if (k > 0 && elapsed >= timeLimit)
                break;
            // Each start may use an equal share of what time is left.
            var deadline = elapsed + (timeLimit - elapsed) / (starts.Count - k);
            if (!starts[k]())
                continue;
            anyFeasible = true;
            while (Stopwatch.GetElapsedTime(start0) < deadline)
            {
                var improved = ImproveOptions();
                improved |= ImproveBySwaps(start0, deadline);
                improved |= Greedy(0);
                improved |= ImproveByEjection(start0, deadline);
                if (!improved)
                    break;
            }
            var value = model.Value(_choice);
            if (_cost <= model.Budget + Epsilon && value > bestValue)
                (best, bestValue) = ((int[])_choice.Clone(), value);
        }
        return anyFeasible ? best : null;
    }

    private void Clear()
    {
        for (var i = 0; i < model.Count; i++)
        {
            if (_choice[i] >= 0)
                Remove(i);
        }
    }

    private bool AddMustIncludes()
    {
        for (var i = 0; i < model.Count; i++)
        {
            if (!model.Must[i])
                continue;
            var best = BestOption(i, mustFit: false);
            if (best < 0)
                return false;
            Add(i, best);
        }
        return true;
    }

    private bool Construct(double slotPrice)
    {
        Clear();
        if (!AddMustIncludes() || !MeetMinimums())
            return false;
        Greedy(slotPrice);
        return true;
    }

    /// <summary>
    /// Takes every option the relaxation takes at least half of (most shares of an optimal vertex are 0 or 1),
    /// surest first and only while it fits, then meets the minimums and fills greedily.
    /// </summary>
    private bool ConstructFromRelaxation(LinearRelaxation lp)
    {
        Clear();
        if (!AddMustIncludes())
            return false;
        var taken = Enumerable.Range(0, model.Count)
            .Where(i => _choice[i] < 0)
            .Select(i => (I: i, O: ArgMax(lp.Shares[i])))
            .Where(p => p.O >= 0 && lp.Shares[p.I][p.O] >= 0.5)
            .OrderByDescending(p => lp.Shares[p.I][p.O]);
        foreach (var (i, o) in taken)
        {
            if (CanAdd(i, model.Options[i][o].Cost))
                Add(i, o);
        }
        if (!MeetMinimums())
            return false;
        Greedy(lp.SlotPrice);
        return true;
    }

    private static int ArgMax(double[] shares)
    {
        var best = -1;
        for (var o = 0; o < shares.Length; o++)
        {
            if (best < 0 || shares[o] > shares[best])
                best = o;
        }
        return best;
    }

    /// <summary>
    /// Takes each chosen creator out in turn and refills greedily: a one-for-many (or many-for-one) exchange that
    /// single swaps cannot make. Kept only when the value grows.
    /// </summary>
    private bool ImproveByEjection(long started, TimeSpan deadline)
    {
        var improved = false;
        for (var i = 0; i < model.Count; i++)
        {
            if (_choice[i] < 0 || model.Must[i] || !CanDrop(i))
                continue;
            if (Stopwatch.GetElapsedTime(started) >= deadline)
                break;
            var before = model.Value(_choice);
            var saved = (int[])_choice.Clone();
            Remove(i);
            _blocked = i;
            Greedy(0);
            _blocked = -1;
            if (model.Value(_choice) > before + Epsilon)
            {
                improved = true;
                continue;
            }
            Restore(saved);
        }
        return improved;
    }

    private int _blocked = -1;

    private bool CanDrop(int i) =>
        _count - 1 >= model.MinCreators
        && _tierCount[model.Tier[i]] - 1 >= model.TierMin[model.Tier[i]]
        && _platformCount[model.Platform[i]] - 1 >= model.PlatformMin[model.Platform[i]];

    private void Restore(int[] saved)
    {
        for (var i = 0; i < model.Count; i++)
        {
            if (_choice[i] == saved[i])
                continue;
            if (_choice[i] >= 0)
                Remove(i);
            if (saved[i] >= 0)
                Add(i, saved[i]);
        }
    }

    private double Gain(int i, int option)
    {
        var g = model.Group[i];
        var v = model.Options[i][option].Value;
        return model.GroupValue(g, _groupSum[g] + v) - model.GroupValue(g, _groupSum[g]);
    }

    private static double Ratio(double gain, double cost) => gain / Math.Max(cost, 0.01);

    private bool CanAdd(int i, double cost) =>
        _count < model.MaxCreators
        && _tierCount[model.Tier[i]] < model.TierMax[model.Tier[i]]
        && _platformCount[model.Platform[i]] < model.PlatformMax[model.Platform[i]]
        && _cost + cost <= model.Budget + Epsilon;

    private int BestOption(int i, bool mustFit)
    {
        var best = -1;
        var bestRatio = double.NegativeInfinity;
        for (var o = 0; o < model.Options[i].Length; o++)
        {
            var cost = model.Options[i][o].Cost;
            if (mustFit && _cost + cost > model.Budget + Epsilon)
                continue;
            var ratio = Ratio(Gain(i, o), cost);
            if (ratio > bestRatio)
                (best, bestRatio) = (o, ratio);
        }
        return best;
    }

    private void Add(int i, int option)
    {
        _choice[i] = option;
        _groupSum[model.Group[i]] += model.Options[i][option].Value;
        _tierCount[model.Tier[i]]++;
        _platformCount[model.Platform[i]]++;
        _count++;
        _cost += model.Options[i][option].Cost;
    }

    private void Remove(int i)
    {
        var option = model.Options[i][_choice[i]];
        _groupSum[model.Group[i]] -= option.Value;
        _tierCount[model.Tier[i]]--;
        _platformCount[model.Platform[i]]--;
        _count--;
        _cost -= option.Cost;
        _choice[i] = -1;
    }

    /// <summary>Adds, while a minimum is unmet, the creator that helps meet it with the best value per dollar.</summary>
    private bool MeetMinimums()
    {
        while (true)
        {
            var needTier = Enumerable.Range(0, _tierCount.Length).Where(t => _tierCount[t] < model.TierMin[t]).ToHashSet();
            var needPlatform = Enumerable.Range(0, _platformCount.Length).Where(p => _platformCount[p] < model.PlatformMin[p]).ToHashSet();
            var needCount = _count < model.MinCreators;
            if (needTier.Count == 0 && needPlatform.Count == 0 && !needCount)
                return true;
            var (bestI, bestO, bestScore) = (-1, -1, double.NegativeInfinity);
            for (var i = 0; i < model.Count; i++)
            {
                if (_choice[i] >= 0)
                    continue;
                var helps = (needTier.Contains(model.Tier[i]) ? 1 : 0) + (needPlatform.Contains(model.Platform[i]) ? 1 : 0);
                if (helps == 0 && !(needCount && needTier.Count == 0 && needPlatform.Count == 0))
                    continue;
                for (var o = 0; o < model.Options[i].Length; o++)
                {
                    var cost = model.Options[i][o].Cost;
                    if (!CanAdd(i, cost))
                        continue;
                    // Meeting two minimums at once beats meeting one; then cheapness, then value per dollar.
                    var score = helps * 1e12 - cost * 1e3 + Ratio(Gain(i, o), cost);
                    if (score > bestScore)
                        (bestI, bestO, bestScore) = (i, o, score);
                }
            }
            if (bestI < 0)
                return false;
            Add(bestI, bestO);
        }
    }

    /// <summary>Adds the best value-per-dollar creator or option upgrade while one fits; true when anything changed.</summary>
    private bool Greedy(double slotPrice)
    {
        var changed = false;
        while (true)
        {
            var (bestI, bestO, bestRatio) = (-1, -1, 0.0);
            for (var i = 0; i < model.Count; i++)
            {
                var current = _choice[i];
                for (var o = 0; o < model.Options[i].Length; o++)
                {
                    if (o == current)
                        continue;
                    var option = model.Options[i][o];
                    double gain, extra;
                    if (current < 0)
                    {
                        if (i == _blocked || !CanAdd(i, option.Cost))
                            continue;
                        (gain, extra) = (Gain(i, o), option.Cost + slotPrice);
                    }
                    else
                    {
                        (gain, extra) = ChangeDelta(i, o);
                        if (_cost + extra > model.Budget + Epsilon || extra <= 0)
                            continue;
                    }
                    var ratio = Ratio(gain, extra);
                    if (gain > Epsilon && ratio > bestRatio)
                        (bestI, bestO, bestRatio) = (i, o, ratio);
                }
            }
            if (bestI < 0)
                return changed;
            if (_choice[bestI] >= 0)
                Remove(bestI);
            Add(bestI, bestO);
            changed = true;
        }
    }

    private (double Gain, double ExtraCost) ChangeDelta(int i, int o)
    {
        var g = model.Group[i];
        var from = model.Options[i][_choice[i]];
        var to = model.Options[i][o];
        var gain = model.GroupValue(g, _groupSum[g] - from.Value + to.Value) - model.GroupValue(g, _groupSum[g]);
        return (gain, to.Cost - from.Cost);
    }

    /// <summary>Moves a chosen creator to the option that adds the most value within the budget.</summary>
    private bool ImproveOptions()
    {
        var improved = false;
        for (var i = 0; i < model.Count; i++)
        {
            if (_choice[i] < 0)
                continue;
            var (bestO, bestGain) = (-1, Epsilon);
            for (var o = 0; o < model.Options[i].Length; o++)
            {
                if (o == _choice[i])
                    continue;
                var (gain, extra) = ChangeDelta(i, o);
                if (_cost + extra <= model.Budget + Epsilon && gain > bestGain)
                    (bestO, bestGain) = (o, gain);
            }
            if (bestO >= 0)
            {
                Remove(i);
                Add(i, bestO);
                improved = true;
            }
        }
        return improved;
    }

    /// <summary>For each chosen creator, the best replacement by one not chosen (any option), when it adds value.</summary>
    private bool ImproveBySwaps(long started, TimeSpan deadline)
    {
        var improved = false;
        for (var i = 0; i < model.Count; i++)
        {
            if (_choice[i] < 0 || model.Must[i])
                continue;
            if (Stopwatch.GetElapsedTime(started) >= deadline)
                break;
            var out_ = model.Options[i][_choice[i]];
            var gi = model.Group[i];
            var loss = model.GroupValue(gi, _groupSum[gi]) - model.GroupValue(gi, _groupSum[gi] - out_.Value);
            var budgetLeft = model.Budget - (_cost - out_.Cost);
            var (bestJ, bestO, bestDelta) = (-1, -1, Epsilon);
            for (var j = 0; j < model.Count; j++)
            {
                if (_choice[j] >= 0 || !SwapKeepsCounts(i, j))
                    continue;
                var gj = model.Group[j];
                for (var o = 0; o < model.Options[j].Length; o++)
                {
                    var option = model.Options[j][o];
                    if (option.Cost > budgetLeft + Epsilon)
                        continue;
                    double delta;
                    if (gj == gi)
                    {
                        var sum = _groupSum[gi];
                        delta = model.GroupValue(gi, sum - out_.Value + option.Value) - model.GroupValue(gi, sum);
                    }
                    else
                    {
                        delta = model.GroupValue(gj, _groupSum[gj] + option.Value) - model.GroupValue(gj, _groupSum[gj]) - loss;
                    }
                    if (delta > bestDelta)
                        (bestJ, bestO, bestDelta) = (j, o, delta);
                }
            }
            if (bestJ >= 0)
            {
                Remove(i);
                Add(bestJ, bestO);
                improved = true;
            }
        }
        return improved;
    }

    /// <summary>Whether taking i out and j in keeps every tier and platform count within its range.</summary>
    private bool SwapKeepsCounts(int i, int j)
    {
        var (ti, tj, pi, pj) = (model.Tier[i], model.Tier[j], model.Platform[i], model.Platform[j]);
        if (ti != tj && (_tierCount[ti] - 1 < model.TierMin[ti] || _tierCount[tj] + 1 > model.TierMax[tj]))
            return false;
        if (pi != pj && (_platformCount[pi] - 1 < model.PlatformMin[pi] || _platformCount[pj] + 1 > model.PlatformMax[pj]))
            return false;
        return true;
    }
}
