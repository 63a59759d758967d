using System.ComponentModel;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Browse;
using Grapevine.Core.Data;
using Grapevine.Core.Notes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grapevine.Web.Api;

/// <summary>The current workspace's private notes and tags on catalogue accounts.</summary>
public static class NotesApi
{

    public static IEndpointRouteBuilder MapNotesApi(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/v1/accounts/{platform}/{handle}").WithTags("Notes and tags");
        account.MapGet("/notes", ListNotesAsync).WithName("ListNotes").WithSummary("List the workspace's notes on an account")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        account.MapPost("/notes", AddNoteAsync).WithName("AddNote").WithSummary("Add a note to an account")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        account.MapGet("/tags", ListTagsAsync).WithName("ListTags").WithSummary("List the workspace's tags on an account")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        account.MapPost("/tags", AddTagAsync).WithName("AddTag").WithSummary("Tag an account")
            .WithDescription("Tags are lower case words joined by dashes (\"Vegan Food\" becomes vegan-food); adding one twice keeps one.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        account.MapDelete("/tags/{tag}", RemoveTagAsync).WithName("RemoveTag").WithSummary("Remove a tag from an account")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGroup("/api/v1/notes").WithTags("Notes and tags")
            .MapDelete("/{id:guid}", DeleteNoteAsync).WithName("DeleteNote").WithSummary("Delete a note")
            .WithDescription("Only the note's author (or a key they created), an Admin or an Owner may delete it; others get 403. Deletions are audited.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<NoteView>>, ValidationProblem, ProblemHttpResult>> ListNotesAsync(
        [Description(ApiNames.Platforms)] string platform, string handle, GrapevineDb db, NoteService notes, CancellationToken ct) =>
        await WithAccountAsync(platform, handle, db, async id => TypedResults.Ok((await notes.ForAccountAsync(id, ct)).Notes), ct);

    public static async Task<Results<Created<NoteView>, ValidationProblem, ProblemHttpResult>> AddNoteAsync(
        [Description(ApiNames.Platforms)] string platform, string handle, NoteRequest request, GrapevineDb db, NoteService notes, CancellationToken ct) =>
        await WithAccountAsync(platform, handle, db, async id =>
        {
            var note = await notes.AddNoteAsync(id, request.Text ?? "", ct);
            var view = (await notes.ForAccountAsync(id, ct)).Notes.Single(n => n.Id == note.Id);
            return TypedResults.Created($"/api/v1/accounts/{platform}/{handle}/notes", view);
        }, ct);

    public static async Task<Results<Ok<IReadOnlyList<string>>, ValidationProblem, ProblemHttpResult>> ListTagsAsync(
        [Description(ApiNames.Platforms)] string platform, string handle, GrapevineDb db, NoteService notes, CancellationToken ct) =>
        await WithAccountAsync(platform, handle, db, async id => TypedResults.Ok((await notes.ForAccountAsync(id, ct)).Tags), ct);

    public static async Task<Results<Ok<IReadOnlyList<string>>, ValidationProblem, ProblemHttpResult>> AddTagAsync(
        [Description(ApiNames.Platforms)] string platform, string handle, TagRequest request, GrapevineDb db, NoteService notes, CancellationToken ct) =>
        await WithAccountAsync(platform, handle, db, async id =>
        {
            await notes.AddTagAsync(id, request.Tag ?? "", ct);
            return TypedResults.Ok((await notes.ForAccountAsync(id, ct)).Tags);
        }, ct);

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveTagAsync(
        [Description(ApiNames.Platforms)] string platform, string handle, string tag, GrapevineDb db, NoteService notes, CancellationToken ct) =>
        await WithAccountAsync(platform, handle, db, async id =>
        {
            await notes.RemoveTagAsync(id, tag, ct);
            return TypedResults.NoContent();
        }, ct);

    public static async Task<NoContent> DeleteNoteAsync(Guid id, NoteService notes, CancellationToken ct)
    {
        await notes.DeleteNoteAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<T, ValidationProblem, ProblemHttpResult>> WithAccountAsync<T>(
        string platform, string handle, GrapevineDb db, Func<long, Task<T>> action, CancellationToken ct)
        where T : IResult
    {
        if (!CatalogueNames.TryParsePlatform(platform, out var parsed))
            return ApiNames.UnknownPlatform(platform);
        if (await new AccountLookup(db).FindIdAsync(parsed, handle, ct) is not { } id)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Account not found",
                detail: $"The catalogue has no {parsed.Name()} account '{CatalogueNames.NormalizeHandle(handle)}'.");
        return await action(id);
    }
}

/// <summary>The note, 1 to 4,000 characters.</summary>
public sealed record NoteRequest(string? Text);

/// <summary>The tag, e.g. "vegan-food".</summary>
public sealed record TagRequest(string? Tag);
