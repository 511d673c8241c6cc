using System.Net;
using System.Text.RegularExpressions;
using Evenhand.Accounts;
using Evenhand.Tests.Infrastructure;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Evenhand.Tests.Web;

/// <summary>
/// Issue 15, point 6: the API description needs sign-in, and is good enough for a generated client. Read with the
/// Microsoft.OpenApi reader that Microsoft.AspNetCore.OpenApi itself writes with (2.x).
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class OpenApiTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task OpenApiDocument_Anonymous_Gets401(string provider)
    {
        var app = apps.Get(provider);
        using var client = app.Client();

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task OpenApiDocument_ReadsWithoutErrors_AndDescribesEveryOperationFully(string provider)
    {
        var app = apps.Get(provider);
        using var client = await app.SignedInAsNewUserAsync(Roles.ForceGovernance, "cheshire");
        var response = await client.GetAsync("/openapi/v1.json");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            // Surface the generator's own exception rather than the error page.
            await Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions
                .GetRequiredKeyedService<Microsoft.AspNetCore.OpenApi.IOpenApiDocumentProvider>(app.Services, "v1").GetOpenApiDocumentAsync();
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();

        var read = OpenApiDocument.Parse(json, OpenApiConstants.Json, new OpenApiReaderSettings());
        var errors = read.Diagnostic?.Errors ?? [];
        Assert.True(errors.Count == 0, "Reader errors:\n" + string.Join("\n", errors.Select(e => $"{e.Pointer}: {e.Message}")));
        var document = read.Document!;
        var validation = document.Validate(ValidationRuleSet.GetDefaultRuleSet())?.ToList() ?? [];
        Assert.True(validation.Count == 0, "Validation errors:\n" + string.Join("\n", validation.Select(e => $"{e.Pointer}: {e.Message}")));

        Assert.Contains("cookie", document.Components!.SecuritySchemes!.Keys);
        Assert.Equal("X-CSRF-TOKEN", document.Components.SecuritySchemes["antiforgery"].Name);

        var problems = new List<string>();
        var ids = new HashSet<string>();
        Assert.NotEmpty(document.Paths);
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var where = $"{method} {path}";
                if (string.IsNullOrWhiteSpace(operation.OperationId) || !ids.Add(operation.OperationId))
                {
                    problems.Add($"{where}: no operationId, or a duplicate ({operation.OperationId})");
                }

                if (string.IsNullOrWhiteSpace(operation.Summary))
                {
                    problems.Add($"{where}: no summary");
                }

                var declared = (operation.Parameters ?? []).Concat(item.Parameters ?? []).Where(p => p.In == ParameterLocation.Path).Select(p => p.Name).ToHashSet();
                foreach (Match m in PathParameter().Matches(path))
                {
                    if (!declared.Contains(m.Groups[1].Value))
                    {
                        problems.Add($"{where}: path parameter {{{m.Groups[1].Value}}} not declared");
                    }
                }

                var responses = operation.Responses ?? [];
                var secured = operation.Security is { Count: > 0 };
                if (!path.StartsWith("/public/", StringComparison.Ordinal))
                {
                    if (!secured || !responses.ContainsKey("401"))
                    {
                        problems.Add($"{where}: no security requirement or no 401");
                    }
                }

                if (PathParameter().IsMatch(path) && !responses.ContainsKey("404"))
                {
                    problems.Add($"{where}: no 404");
                }

                foreach (var (status, body) in responses.Where(r => r.Key.StartsWith('4')))
                {
                    if (body.Content is null || !body.Content.ContainsKey("application/problem+json"))
                    {
                        problems.Add($"{where}: {status} without a problem-details body");
                    }
                }

                if (method != HttpMethod.Get && secured && !operation.Security!.Any(r => r.Keys.Any(k => k.Reference.Id == "antiforgery")))
                {
                    problems.Add($"{where}: a write without the X-CSRF-TOKEN requirement");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // The force-scoped group declares its slug, and the optimistic-concurrency write its 409 and 422.
        var progress = document.Paths["/api/v1/forces/{slug}/recommendations/{recommendationId}/progress"].Operations![HttpMethod.Post];
        Assert.Contains(progress.Parameters!, p => p.Name == "slug" && p.In == ParameterLocation.Path && p.Required);
        Assert.True(progress.Responses!.ContainsKey("409") && progress.Responses.ContainsKey("422") && progress.Responses.ContainsKey("403"));
    }

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex PathParameter();
}
