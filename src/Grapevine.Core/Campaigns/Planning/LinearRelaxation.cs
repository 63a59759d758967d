namespace Grapevine.Core.Campaigns.Planning;

/// <summary>
/// The linear relaxation's optimum: its value (a bound on every plan's value), each option's fractional share
/// x[candidate][option] in [0, 1], and the relaxation's price of one creator slot in dollars.
/// </summary>
internal sealed record LinearRelaxation(double Bound, double[][] Shares, double SlotPrice);
