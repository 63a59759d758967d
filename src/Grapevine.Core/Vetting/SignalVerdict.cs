using System.Text.Json.Serialization;

namespace Grapevine.Core.Vetting;

/// <summary>How one vetting signal reads: fine, worth a closer look, a warning sign, or not enough data to say.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SignalVerdict>))]
public enum SignalVerdict
{
    [JsonStringEnumMemberName("ok")]
    Ok,

    [JsonStringEnumMemberName("watch")]
    Watch,

    [JsonStringEnumMemberName("concern")]
    Concern,

    [JsonStringEnumMemberName("not_enough_data")]
    NotEnoughData,
}
