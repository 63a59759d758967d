using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Engine;
using Grapevine.Web;
using Grapevine.Web.Api;
using Grapevine.Web.Auth;
using Grapevine.Web.Components;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

var connectionString = GrapevineDatabase.ResolveConnectionString(builder.Configuration);
builder.Services.AddDbContext<GrapevineDb>(o => GrapevineDatabase.Configure(o, connectionString));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddOptions<GrapevineOptions>().BindConfiguration(GrapevineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddScoped<CatalogueImportAccess>();
builder.Services.AddScoped<WebCatalogueImport>();
builder.Services.AddSingleton<RejectedRowsDownloads>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<GrapevineExceptionHandler>();
// Query-string values that do not parse (minFollowers=abc) reach the exception handler, which names the parameter.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "Grapevine API";
    document.Info.Description = "The creator catalogue of a Grapevine installation. Every metric carries its formula, sample size and window.";
    return Task.CompletedTask;
}));
builder.Services.AddRazorComponents();
builder.Services.AddGrapevineAuth(builder.Configuration);
builder.Services.AddVetting();
builder.Services.AddDiscoveryEngine();
builder.Services.AddRateCards();
builder.Services.AddCampaignPlans();
builder.Services.AddCampaigns();

var app = builder.Build();

app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseGrapevineStatusCodePages();
app.UseGrapevineAuth();
// After sign-in (a stranger's upload is never read), before the antiforgery check reads the form.
app.UseMiddleware<UploadSizeGuard>();
app.UseAntiforgery();

// Everything else needs a signed-in user (pages) or a workspace member (the API): see GrapevineAccess.
app.MapStaticAssets().AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference(o => o.WithTitle("Grapevine API")).AllowAnonymous();
app.MapAccountsApi();
app.MapImportsApi();
app.MapWorkspacesApi();
app.MapApiKeysApi();
app.MapAuditApi();
app.MapListsApi();
app.MapNotesApi();
app.MapBrandSafetyApi();
app.MapVettingApi();
app.MapRateCardsApi();
app.MapDiscoveryApi();
app.MapCampaignPlansApi();
app.MapCampaignsApi();
app.MapAccountEndpoints();
app.MapDemoSignIn();
app.MapRazorComponents<App>().WithImportUploadLimit(app);

await app.PrepareDatabaseAsync();
await app.PrepareDemoWorkspaceAsync();

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Grapevine is running at {Urls}", string.Join(", ", app.Urls)));

await app.RunAsync();

/// <summary>Exposed for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
