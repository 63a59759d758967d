using System.Text.Json.Serialization;

namespace Grapevine.Core.Vetting;

/// <summary>What a comment is, for comment quality; the first that applies, in this order.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CommentKind>))]
public enum CommentKind
{
    /// <summary>Only emoji, symbols and punctuation: no letter or digit.</summary>
    [JsonStringEnumMemberName("emoji_only")]
    EmojiOnly,

    /// <summary>Self-promotion or solicitation ("DM us to collaborate", "check my page").</summary>
    [JsonStringEnumMemberName("spam")]
    Spam,

    /// <summary>Praise that fits any post ("nice pic", "wow amazing"): every word is from the generic list.</summary>
    [JsonStringEnumMemberName("generic")]
    Generic,

    /// <summary>One or two words that are not generic praise.</summary>
    [JsonStringEnumMemberName("very_short")]
    VeryShort,

    /// <summary>Anything else: a comment about this post.</summary>
    [JsonStringEnumMemberName("substantive")]
    Substantive,
}
