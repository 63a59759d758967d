namespace Grapevine.Core.Campaigns;

/// <summary>Collects the refused values of one input, so all of them are reported at once rather than the first.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> _errors = [];

    /// <summary>The value <paramref name="read"/> returns, or <paramref name="otherwise"/> when it refuses a field (recorded).</summary>
    public T Check<T>(Func<T> read, T otherwise)
    {
        try
        {
            return read();
        }
        catch (ArgumentException e) when (e.ParamName is { } field)
        {
            var suffix = $" (Parameter '{field}')";
            var message = e.Message.EndsWith(suffix, StringComparison.Ordinal) ? e.Message[..^suffix.Length] : e.Message;
            // A field keeps its first problem: later checks of the same field build on a value already refused.
            _errors.TryAdd(field, [message]);
            return otherwise;
        }
    }

    public void Check(Action check) => Check(() =>
    {
        check();
        return true;
    }, false);

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
            throw new CampaignInputException(_errors);
    }
}
