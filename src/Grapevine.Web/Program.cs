using Grapevine.Core.Data;
using Grapevine.Web;
using Grapevine.Web.Api;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

var connectionString = GrapevineDatabase.ResolveConnectionString(builder.Configuration);
builder.Services.AddDbContext<GrapevineDb>(o => GrapevineDatabase.Configure(o, connectionString));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddOptions<GrapevineOptions>().BindConfiguration(GrapevineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<GrapevineExceptionHandler>();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi();
app.MapScalarApiReference();
app.MapImportsApi();

using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<GrapevineDb>();
    await GrapevineDatabase.MigrateAsync(db);
}

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Grapevine is running at {Urls}", string.Join(", ", app.Urls)));

await app.RunAsync();

/// <summary>Exposed for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
