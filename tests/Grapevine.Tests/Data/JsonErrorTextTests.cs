using System.Text.Json;
using Grapevine.Core.Data;

namespace Grapevine.Tests.Data;

public class JsonErrorTextTests
{
    private sealed record RecordBody(string? Name, int? Limit, bool? Active, DateTime? At, decimal? Budget, List<string>? Tags);

    private sealed class ClassBody
    {
        public decimal? Budget { get; set; }
    }

    [Theory]
    [InlineData("""{"name":5}""", "name", "expected text (a JSON string, numbers in quotes too: \"5\")")]
    [InlineData("""{"limit":"x"}""", "limit", "expected a whole number up to 2,147,483,647")]
    [InlineData("""{"active":5}""", "active", "expected true or false")]
    [InlineData("""{"at":"soon"}""", "at", "expected a date and time, e.g. 2026-12-07T09:00:00Z")]
    [InlineData("""{"budget":"abc"}""", "budget", "expected a number no larger than 7.9e28")]
    [InlineData("""{"tags":5}""", "tags", "expected a list ([…])")]
    public void A_record_field_of_the_wrong_type_says_what_the_field_wants(string json, string field, string message) =>
        Assert.Equal((field, message), Read<RecordBody>(json));

    [Fact]
    public void A_class_property_of_the_wrong_type_says_what_it_wants() =>
        Assert.Equal(("budget", "expected a number no larger than 7.9e28"), Read<ClassBody>("""{"budget":"abc"}"""));

    private static (string?, string) Read<T>(string json)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<T>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        return JsonErrorText.Of(error);
    }
}
