using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Evenhand.Web.Api;

/// <summary>
/// Makes /openapi/v1.json describe the API as it behaves, so a generated client works: the sign-in cookie and, for writes,
/// the X-CSRF-TOKEN header as security schemes; every path parameter declared (route groups such as /forces/{slug} bind
/// theirs in a filter, which the generator cannot see); an operation id on every operation; and the problem responses
/// each operation can give (400 bad input or missing anti-forgery token, 401 not signed in, 403 not allowed, 404 unknown
/// or another force's record), with RFC 9457 problem-details bodies. 409 and 422 are declared on the endpoints that give them.
/// Summaries are each endpoint's own (<c>WithSummary</c>); a test fails on an operation without one.
/// </summary>
public static partial class ApiDescription
{
    public const string CookieScheme = "cookie";
    public const string AntiforgeryScheme = "antiforgery";
    private const string ProblemSchema = "ProblemDetails";

    public static void Configure(OpenApiOptions o)
    {
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Evenhand API";
            document.Info.Description = "The JSON API behind Evenhand's pages, with the same authorisation: sign in at /account/sign-in " +
                "(the evenhand.auth cookie), and on POST send the token from GET /api/v1/antiforgery in the X-CSRF-TOKEN header. " +
                "Errors are RFC 9457 problem details.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "evenhand.auth",
                Description = "The session cookie set by signing in at /account/sign-in.",
            };
            document.Components.SecuritySchemes[AntiforgeryScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-CSRF-TOKEN",
                Description = "Anti-forgery token for POST requests: GET /api/v1/antiforgery returns it (with its cookie).",
            };
            return Task.CompletedTask;
        });

        o.AddOperationTransformer(async (operation, context, ct) =>
        {
            var description = context.Description;
            var path = "/" + (description.RelativePath ?? "").TrimStart('/');
            var method = (description.HttpMethod ?? "GET").ToUpperInvariant();
            var metadata = description.ActionDescriptor.EndpointMetadata;

            operation.OperationId ??= OperationId(method, path);

            // Path parameters the handler does not bind itself (the force group's {slug}).
            operation.Parameters ??= [];
            foreach (var name in PathParameters(path))
            {
                if (!operation.Parameters.Any(p => p.In == ParameterLocation.Path && p.Name == name))
                {
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = name,
                        In = ParameterLocation.Path,
                        Required = true,
                        Description = name == "slug" ? "The force, e.g. west-midlands (see GET /api/v1/forces)." : null,
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    });
                }
            }

            var anonymous = metadata.OfType<IAllowAnonymous>().Any();
            var write = method is not ("GET" or "HEAD");
            var problems = new SortedDictionary<int, string>();
            if (!anonymous)
            {
                var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] };
                if (write)
                {
                    requirement[new OpenApiSecuritySchemeReference(AntiforgeryScheme, context.Document)] = [];
                }

                operation.Security = [requirement];
                problems[StatusCodes.Status401Unauthorized] = "Not signed in, or the session has ended.";
                if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null))
                {
                    problems[StatusCodes.Status403Forbidden] = "Signed in, but your role may not do this.";
                }
            }

            if (write)
            {
                problems[StatusCodes.Status400BadRequest] = anonymous ? "The request is not valid." : "The request is not valid, or the X-CSRF-TOKEN header is missing or wrong.";
            }
            else if (operation.Parameters.Count > 0)
            {
                problems[StatusCodes.Status400BadRequest] = "A parameter is not valid.";
            }

            if (PathParameters(path).Any())
            {
                problems[StatusCodes.Status404NotFound] = "No such record, or it belongs to a force you cannot see.";
            }

            if (problems.Count == 0)
            {
                return;
            }

            var document = context.Document ?? throw new InvalidOperationException("No document to add the problem schema to.");
            document.Components ??= new OpenApiComponents();
            var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            if (!schemas.ContainsKey(ProblemSchema))
            {
                schemas[ProblemSchema] = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct);
            }

            operation.Responses ??= [];
            foreach (var (status, text) in problems)
            {
                var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!operation.Responses.ContainsKey(key))
                {
                    operation.Responses[key] = Problem(text, context.Document);
                }
            }
        });
    }

    /// <summary>A problem-details response (RFC 9457) with <paramref name="description"/>.</summary>
    public static OpenApiResponse Problem(string description, OpenApiDocument? document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
        },
    };

    /// <summary>The names in a route template's braces, without constraints: <c>/forces/{slug}/x/{id:int}</c> gives slug, id.</summary>
    public static IEnumerable<string> PathParameters(string path) =>
        ParameterPattern().Matches(path).Select(m => m.Groups[1].Value).Distinct();

    /// <summary>A stable id from the method and path: GET /api/v1/forces/{slug}/recommendations gives getForcesBySlugRecommendations.</summary>
    public static string OperationId(string method, string path)
    {
        var parts = new List<string> { method.ToLowerInvariant() };
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipWhile(s => s is "api" or "v1"))
        {
            var name = ParameterPattern().Match(segment) is { Success: true } m ? "By" + Pascal(m.Groups[1].Value) : Pascal(segment);
            parts.Add(name);
        }

        return string.Concat(parts);
    }

    private static string Pascal(string s) => string.Concat(
        NonWord().Split(s).Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    [GeneratedRegex(@"\{([^}:?*=]+)[^}]*\}")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex(@"[^A-Za-z0-9]+")]
    private static partial Regex NonWord();
}
