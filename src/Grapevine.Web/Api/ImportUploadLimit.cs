using Grapevine.Web.Components.Catalogue;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Grapevine.Web.Api;

/// <summary>
/// The import's upload limit (<see cref="GrapevineOptions.MaxUploadBytes"/>) as metadata of the two endpoints that take the
/// file, <c>POST /api/v1/imports</c> and the import page: the server and the form reader enforce it, and
/// <see cref="UploadSizeGuard"/> answers in its words. Every other endpoint keeps the server's 30 MB.
/// </summary>
public static class ImportUploadLimit
{
    public static TBuilder WithImportUploadLimit<TBuilder>(this TBuilder builder, IEndpointRouteBuilder app) where TBuilder : IEndpointConventionBuilder
    {
        var maxBytes = app.ServiceProvider.GetRequiredService<IOptions<GrapevineOptions>>().Value.MaxUploadBytes;
        builder.Add(endpoint =>
        {
            // The pages are one convention builder: only the import page takes a file.
            if (endpoint.Metadata.OfType<ComponentTypeMetadata>().Any(c => c.Type != typeof(ImportPage)))
                return;
            endpoint.Metadata.Add(new RequestSizeLimitAttribute(maxBytes));
            endpoint.Metadata.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = maxBytes });
        });
        return builder;
    }
}
