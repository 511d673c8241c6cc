using Evenhand.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Evenhand.Web.Infrastructure;

/// <summary>Authorisation policy names (DESIGN.md "Users and what they do"). Force scoping is checked separately by <see cref="ForceScopeFilter"/>.</summary>
public static class Policies
{
    /// <summary>Force governance: action plans, evidence, governance meetings.</summary>
    public const string EditPlans = nameof(EditPlans);

    /// <summary>PCC office or inspectorate: assess a force's evidence and accept closure.</summary>
    public const string Assess = nameof(Assess);

    /// <summary>PCC office: write and publish the section 55 response.</summary>
    public const string WriteSection55 = nameof(WriteSection55);

    /// <summary>Inspectorate: publish inspections and their recommendations.</summary>
    public const string ManageInspections = nameof(ManageInspections);

    /// <summary>Administrator: users, forces, settings.</summary>
    public const string Administer = nameof(Administer);

    public static void Add(AuthorizationOptions options)
    {
        // Secure by default: every page and endpoint needs a signed-in user unless it opts out.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(EditPlans, p => p.RequireRole(Roles.ForceGovernance, Roles.Administrator));
        options.AddPolicy(Assess, p => p.RequireRole(Roles.PccOffice, Roles.Inspectorate, Roles.Administrator));
        options.AddPolicy(WriteSection55, p => p.RequireRole(Roles.PccOffice, Roles.Administrator));
        options.AddPolicy(ManageInspections, p => p.RequireRole(Roles.Inspectorate, Roles.Administrator));
        options.AddPolicy(Administer, p => p.RequireRole(Roles.Administrator));
    }
}
