using Evenhand.Accounts;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Importing;
using Evenhand.Inspections;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Web.Infrastructure;

/// <summary>
/// The demo database: the seed report and four PCC responses, imported through the same import service as an upload,
/// and a demo user for each role. The shared password is printed once, when the users are created.
/// </summary>
public sealed class DemoData(
    EvenhandDbContext db,
    DocumentImportService imports,
    UserManager<EvenhandUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider time,
    ILogger<DemoData> log)
{
    public const string EmailDomain = "demo.evenhand.test";
    public const string ReportFile = "hmicfrs-activism-and-impartiality-2024.txt";

    /// <summary>The report's text gives only "September 2024"; the PCC responses give the day.</summary>
    public static readonly DateOnly ReportPublishedOn = new(2024, 9, 10);

    public static IReadOnlyList<(string File, string Slug)> Responses { get; } =
    [
        ("pcc-response-cheshire.txt", "cheshire"),
        ("pcc-response-cleveland.txt", "cleveland"),
        ("pcc-response-hampshire-and-isle-of-wight.txt", "hampshire-and-isle-of-wight"),
        ("pcc-response-west-midlands.txt", "west-midlands"),
    ];

    public static string SampleDataDirectory => Path.Combine(AppContext.BaseDirectory, "SampleData");

    public async Task EnsureAsync(string? configuredPassword, CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var ctx = ProcessContext.System(time, "Demo data");
        if (!await db.Inspections.AnyAsync(ct))
        {
            await ImportSamplesAsync(ctx, ct);
        }

        var demoForceIds = await db.Forces.Where(f => Responses.Select(r => r.Slug).Contains(f.Slug)).Select(f => f.Id).ToListAsync(ct);
        await Evenhand.HateIncidents.Demo.HateIncidentDemoData.EnsureAsync(db, demoForceIds, time, ct);
        await Evenhand.Governance.GovernanceDemoData.EnsureAsync(db, demoForceIds, time, ct);
        await Evenhand.SocialMedia.Demo.SocialMediaDemoData.EnsureAsync(db, demoForceIds, time, ct);

        if (!await db.Users.AnyAsync(ct))
        {
            var password = string.IsNullOrEmpty(configuredPassword) ? PasswordRules.Generate() : configuredPassword;
            await CreateUsersAsync(password);
            if (string.IsNullOrEmpty(configuredPassword))
            {
                // Printed once, on the console only: it is not stored anywhere in clear.
                Console.WriteLine();
                Console.WriteLine("Evenhand demo users created. Sign in as, for example, pcc.cheshire@" + EmailDomain);
                Console.WriteLine("Password for every demo user (shown only now): " + password);
                Console.WriteLine();
            }
        }
    }

    private async Task ImportSamplesAsync(ProcessContext ctx, CancellationToken ct)
    {
        var dir = SampleDataDirectory;
        ImportReportOptions options;
        await using (var report = File.OpenRead(Path.Combine(dir, ReportFile)))
        {
            var parsed = DocumentImportService.PreviewReport(report, ReportFile);
            options = new ImportReportOptions(parsed, parsed.Title, DocumentImportService.DefaultPublisher,
                parsed.Published ?? ReportPublishedOn, InspectionType.NationalThematic, ReportFile);
        }

        var inspection = await imports.ImportReportAsync(options, ctx, ct);
        foreach (var (file, slug) in Responses)
        {
            await using var stream = File.OpenRead(Path.Combine(dir, file));
            var parsed = await imports.PreviewResponseAsync(stream, file, inspection.Id, ct);
            await imports.ImportResponseAsync(new ImportResponseOptions(inspection.Id, slug, parsed, file), ctx, ct);
        }

        log.LogInformation("Demo data: imported {File} and {Count} PCC responses", ReportFile, Responses.Count);
    }

    private async Task CreateUsersAsync(string password)
    {
        await CreateAsync($"admin@{EmailDomain}", "Demo administrator", null, Roles.Administrator, password);
        await CreateAsync($"inspectorate@{EmailDomain}", "Demo inspector", null, Roles.Inspectorate, password);
        foreach (var (_, slug) in Responses)
        {
            var force = await db.Forces.SingleAsync(f => f.Slug == slug);
            await CreateAsync($"pcc.{slug}@{EmailDomain}", $"PCC office ({force.ShortName})", force.Id, Roles.PccOffice, password);
            await CreateAsync($"governance.{slug}@{EmailDomain}", $"Force governance ({force.ShortName})", force.Id, Roles.ForceGovernance, password);
            await CreateAsync($"comms.{slug}@{EmailDomain}", $"Communications ({force.ShortName})", force.Id, Roles.Communications, password);
            await CreateAsync($"specialist.{slug}@{EmailDomain}", $"Hate crime specialist ({force.ShortName})", force.Id, Roles.HateCrimeSpecialist, password);
            await CreateAsync($"calltaker.{slug}@{EmailDomain}", $"Call taker ({force.ShortName})", force.Id, Roles.CallTaker, password);
            await CreateAsync($"registrar.{slug}@{EmailDomain}", $"Force crime registrar ({force.ShortName})", force.Id, Roles.ForceCrimeRegistrar, password);
        }
    }

    private async Task CreateAsync(string email, string name, int? forceId, string role, string password)
    {
        var user = new EvenhandUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, ForceId = forceId };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create demo user {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(user, role);
    }
}
