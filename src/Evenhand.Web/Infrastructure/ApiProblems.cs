using Evenhand.Common;
using Evenhand.Importing;

namespace Evenhand.Web.Infrastructure;

/// <summary>
/// Endpoint filter for the JSON API: domain exceptions become RFC 9457 problem responses carrying the message a user can act on
/// (404 not found, 409 changed by someone else, 422 a refused change, 400 a bad document).
/// </summary>
public static class ApiProblems
{
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        try
        {
            return await next(ctx);
        }
        catch (Exception e) when (Describe(e) is { } problem)
        {
            return Results.Problem(statusCode: problem.Status, title: problem.Title, detail: e.Message);
        }
    }

    private static (int Status, string Title)? Describe(Exception e) => e switch
    {
        NotFoundException => (StatusCodes.Status404NotFound, "Not found"),
        ConcurrencyConflictException => (StatusCodes.Status409Conflict, "Changed by someone else"),
        DomainRuleException => (StatusCodes.Status422UnprocessableEntity, "Not allowed"),
        ImportException => (StatusCodes.Status400BadRequest, "The document could not be imported"),
        _ => null,
    };
}
