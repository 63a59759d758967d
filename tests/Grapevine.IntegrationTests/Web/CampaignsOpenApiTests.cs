using System.Text.Json;
using Grapevine.Core.Data;
using Grapevine.IntegrationTests.Infrastructure;

namespace Grapevine.IntegrationTests.Web;

/// <summary>The OpenAPI document marks as required only the request fields the campaigns and plans API really needs.</summary>
public class CampaignsOpenApiTests
{
    [Theory, BothProviders]
    public async Task Request_bodies_of_campaigns_and_plans_require_only_what_is_required(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new GrapevineWebFactory(database.ConnectionString);
        using var client = await factory.CreateApiClientAsync();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        var candidates = BodySchema(paths, "/api/v1/campaigns/{id}/candidates", "post");
        Assert.Equal("CandidatesRequest", candidates);
        Assert.Empty(Required(schemas, candidates));
        Assert.Equal(["handle", "listId", "platform", "search"], schemas.GetProperty(candidates).GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());

        Assert.Empty(Required(schemas, BodySchema(paths, "/api/v1/campaigns", "post")));
        Assert.Empty(Required(schemas, BodySchema(paths, "/api/v1/campaigns/{id}", "put")));
        Assert.Empty(Required(schemas, BodySchema(paths, "/api/v1/campaigns/{id}/candidates/{accountId}", "patch")));
        Assert.Empty(Required(schemas, BodySchema(paths, "/api/v1/campaigns/{id}/plan", "post")));
        Assert.Empty(Required(schemas, BodySchema(paths, "/api/v1/plans", "post")));
        // A deliverable row needs its name; its count defaults to 1.
        Assert.Equal(["deliverable"], Required(schemas, "CampaignDeliverableInput"));
        Assert.Empty(Required(schemas, "CountRange"));
        Assert.Empty(Required(schemas, "DiscoveryQueryInput"));
    }

    private static string BodySchema(JsonElement paths, string path, string method)
    {
        var schema = paths.GetProperty(path).GetProperty(method).GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        // A nullable body is written as oneOf [null, $ref] or as a plain $ref, depending on the generator.
        var reference = schema.TryGetProperty("$ref", out var r) ? r : schema.EnumerateObject().SelectMany(p => p.Value.ValueKind == JsonValueKind.Array
            ? p.Value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("$ref", out _)).Select(e => e.GetProperty("$ref"))
            : []).Single();
        return reference.GetString()!["#/components/schemas/".Length..];
    }

    private static List<string> Required(JsonElement schemas, string name) =>
        schemas.GetProperty(name).TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(e => e.GetString()!).Order()] : [];
}
