using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Grapevine.Core.Campaigns;

/// <summary>
/// A short fingerprint of what can be changed about a candidate (decision, gifting, test spend and result). A client
/// sends the version it read back in <c>If-Match</c>; a different one means someone changed the candidate since.
/// </summary>
public static class CandidateVersion
{
    public static string Of(string decision, bool acceptsGifting, decimal? testSpend, double? testResult)
    {
        // 120.5 and 120.50 are the same spend: the decimal's trailing zeros are dropped.
        var text = string.Join("|", decision, acceptsGifting ? "1" : "0",
            testSpend?.ToString("0.############", CultureInfo.InvariantCulture), testResult?.ToString("R", CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>
    /// Whether an <c>If-Match</c> value names <paramref name="version"/>: a comma list of entity tags, each quoted or
    /// bare, weak (<c>W/</c>) or strong, or <c>*</c> for any.
    /// </summary>
    public static bool Matches(string ifMatch, string version) =>
        ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(tag => (tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag).Trim('"'))
            .Any(tag => tag == "*" || tag == version);
}
