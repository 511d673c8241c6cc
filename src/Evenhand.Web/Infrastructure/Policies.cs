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

    /// <summary>
    /// Draft section 55 responses, to read and export: the PCC office, the force's governance lead and the inspectorate (DESIGN.md roles);
    /// not the force's call takers, specialists or communications team. A published response is public.
    /// </summary>
    public const string ReadSection55Drafts = nameof(ReadSection55Drafts);

    /// <summary>Inspectorate: publish inspections and their recommendations.</summary>
    public const string ManageInspections = nameof(ManageInspections);

    /// <summary>Inspectorate and administrators: views across every force (the national section 55 view).</summary>
    public const string SeeAllForces = nameof(SeeAllForces);

    /// <summary>Call takers, hate crime specialists and the force crime registrar: record and assess hate incidents.</summary>
    public const string RecordHateIncidents = nameof(RecordHateIncidents);

    /// <summary>Hate crime specialists and the force crime registrar: specialist review, reclassification, deletion of personal data.</summary>
    public const string ReviewHateIncidents = nameof(ReviewHateIncidents);

    /// <summary>The force crime registrar (and administrators): the force's hate-incident policy and code mappings.</summary>
    public const string ManageHatePolicy = nameof(ManageHatePolicy);

    /// <summary>Aggregate hate-incident analysis, without personal data: the hate-incident roles plus governance, PCC office and inspectorate.</summary>
    public const string SeeHateAnalysis = nameof(SeeHateAnalysis);

    /// <summary>Governance registers, to read: the force's governance team, its PCC office, the inspectorate and administrators.</summary>
    public const string SeeRegisters = nameof(SeeRegisters);

    /// <summary>Governance registers, to change: the force's governance team and administrators.</summary>
    public const string EditRegisters = nameof(EditRegisters);

    /// <summary>The register of visible representations, to read: as <see cref="SeeRegisters"/>, and the communications team.</summary>
    public const string SeeRepresentations = nameof(SeeRepresentations);

    /// <summary>The register of visible representations, to change: communications, governance and administrators.</summary>
    public const string EditRepresentations = nameof(EditRepresentations);

    /// <summary>Social media analysis, to read: the communications team, governance, PCC office, inspectorate and administrators.</summary>
    public const string SeeSocialMedia = nameof(SeeSocialMedia);

    /// <summary>Social media analysis, to import datasets, draw and review dip samples: communications, inspectorate and administrators.</summary>
    public const string ManageSocialMedia = nameof(ManageSocialMedia);

    /// <summary>Administrator: users, forces, settings.</summary>
    public const string Administer = nameof(Administer);

    public static void Add(AuthorizationOptions options)
    {
        // Secure by default: every page and endpoint needs a signed-in user unless it opts out.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(EditPlans, p => p.RequireRole(Roles.ForceGovernance, Roles.Administrator));
        options.AddPolicy(Assess, p => p.RequireRole(Roles.PccOffice, Roles.Inspectorate, Roles.Administrator));
        options.AddPolicy(WriteSection55, p => p.RequireRole(Roles.PccOffice, Roles.Administrator));
        options.AddPolicy(ReadSection55Drafts, p => p.RequireRole(Roles.PccOffice, Roles.ForceGovernance, Roles.Inspectorate, Roles.Administrator));
        options.AddPolicy(ManageInspections, p => p.RequireRole(Roles.Inspectorate, Roles.Administrator));
        options.AddPolicy(SeeAllForces, p => p.RequireRole(Roles.National));
        options.AddPolicy(Administer, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(RecordHateIncidents, p => p.RequireRole(Roles.CallTaker, Roles.HateCrimeSpecialist, Roles.ForceCrimeRegistrar));
        options.AddPolicy(ReviewHateIncidents, p => p.RequireRole(Roles.HateCrimeSpecialist, Roles.ForceCrimeRegistrar));
        options.AddPolicy(ManageHatePolicy, p => p.RequireRole(Roles.ForceCrimeRegistrar, Roles.Administrator));
        options.AddPolicy(SeeRegisters, p => p.RequireRole(Roles.ForceGovernance, Roles.PccOffice, Roles.Inspectorate, Roles.Administrator));
        options.AddPolicy(EditRegisters, p => p.RequireRole(Roles.ForceGovernance, Roles.Administrator));
        options.AddPolicy(SeeRepresentations, p => p.RequireRole(Roles.Communications, Roles.ForceGovernance, Roles.PccOffice, Roles.Inspectorate, Roles.Administrator));
        options.AddPolicy(EditRepresentations, p => p.RequireRole(Roles.Communications, Roles.ForceGovernance, Roles.Administrator));
        options.AddPolicy(SeeSocialMedia, p => p.RequireRole(Roles.Communications, Roles.ForceGovernance, Roles.PccOffice, Roles.Inspectorate, Roles.Administrator));
        options.AddPolicy(ManageSocialMedia, p => p.RequireRole(Roles.Communications, Roles.Inspectorate, Roles.Administrator));
        options.AddPolicy(SeeHateAnalysis, p => p.RequireRole(Roles.CallTaker, Roles.HateCrimeSpecialist, Roles.ForceCrimeRegistrar,
            Roles.ForceGovernance, Roles.PccOffice, Roles.Inspectorate, Roles.Administrator));
    }
}
