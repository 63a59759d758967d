using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grapevine.Cli;

/// <summary>
/// The JSON of every command's --json output (README, "The command line"): camelCase keys like the HTTP API, enums as
/// camelCase strings, text as it is. Documented keys of another casing (demo's as_of) are spelled out where they are printed.
/// </summary>
public static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // Output goes to a terminal or a file, never into HTML, so "Théo" and "東京" are written as they are, not as \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
