namespace Grapevine.Core.Vetting;

/// <summary>
/// The overall verdict from the signals (docs/vetting.md): red when any signal is a concern; amber when any asks for
/// a closer look; not enough data when neither the audience sample nor both the growth history and the engagement
/// benchmark could be read; green otherwise.
/// </summary>
public static class VerdictRules
{
    public static (VettingVerdict Verdict, IReadOnlyList<string> Reasons) Decide(IReadOnlyList<VettingSignal> signals)
    {
        var concerns = signals.Where(s => s.Verdict == SignalVerdict.Concern).ToList();
        if (concerns.Count > 0)
            return (VettingVerdict.Red, [.. concerns.Select(Reason)]);
        var watches = signals.Where(s => s.Verdict == SignalVerdict.Watch).ToList();
        if (watches.Count > 0)
            return (VettingVerdict.Amber, [.. watches.Select(Reason)]);

        bool Assessed(string id) => signals.Any(s => s.Id == id && s.Verdict != SignalVerdict.NotEnoughData);
        var missing = signals.Where(s => s.Verdict == SignalVerdict.NotEnoughData).ToList();
        if (!Assessed("audience_quality") && !(Assessed("follower_growth") && Assessed("engagement")))
        {
            return (VettingVerdict.NotEnoughData,
            [
                "Authenticity cannot be judged: it needs a follower sample of at least " +
                $"{AudienceQuality.MinSample}, or both a follower-snapshot history and a catalogue benchmark for the engagement rate.",
                .. missing.Select(Reason),
            ]);
        }
        var checkedSignals = signals.Where(s => s.Verdict == SignalVerdict.Ok).Select(s => s.Label.ToLowerInvariant());
        return (VettingVerdict.Green,
        [
            $"No warning sign in {string.Join(", ", checkedSignals)}.",
            .. missing.Select(Reason),
        ]);
    }

    private static string Reason(VettingSignal signal) => $"{signal.Label}: {signal.Why}";
}
