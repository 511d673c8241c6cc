using Evenhand.Accounts;
using Evenhand.Data;
using Evenhand.Responses;
using Evenhand.Inspections;
using Evenhand.Web.Api;
using Evenhand.Web.Infrastructure;
using Evenhand.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

// Persistence: SQLite file by default, PostgreSQL when Database:Provider=Postgres.
var provider = DatabaseSetup.ParseProvider(config["Database:Provider"]);
var connectionString = config.GetConnectionString("Evenhand");
var retry = config.GetSection(DatabaseRetry.Section).Get<DatabaseRetry>();
builder.Services.AddDbContext<EvenhandDbContext>(o => DatabaseSetup.Configure(o, provider, connectionString, retry));
builder.Services.AddSingleton(TimeProvider.System);

// Domain services.
builder.Services.AddScoped<ForceResponseService>();
builder.Services.AddScoped<Section55Service>();
builder.Services.AddScoped<InspectionService>();
builder.Services.AddScoped<Evenhand.Importing.DocumentImportService>();
builder.Services.AddScoped<NationalViewService>();
builder.Services.AddScoped<Section55ComplianceService>();
builder.Services.AddScoped<Evenhand.HateIncidents.HatePolicyService>();
builder.Services.AddScoped<Evenhand.HateIncidents.HateIncidentService>();
builder.Services.AddScoped<Evenhand.HateIncidents.Analysis.HateIncidentAnalysisService>();
builder.Services.AddScoped<Evenhand.HateIncidents.CaseFiles.CaseFileReviewService>();
builder.Services.AddScoped<Evenhand.Governance.PolicyRegisterService>();
builder.Services.AddScoped<Evenhand.Governance.VisibleRepresentationService>();
builder.Services.AddScoped<Evenhand.Governance.PoliticalContactService>();
builder.Services.AddScoped<Evenhand.Governance.ContentiousIssueService>();
builder.Services.AddScoped<Evenhand.Governance.PolicedEventService>();
builder.Services.AddScoped<Evenhand.Governance.AdvisoryGroupService>();
builder.Services.AddScoped<Evenhand.Governance.StaffNetworkService>();
builder.Services.AddScoped<Evenhand.SocialMedia.Datasets.SocialDatasetService>();
builder.Services.AddScoped<Evenhand.SocialMedia.Datasets.DipSampleService>();
builder.Services.Configure<Evenhand.Web.SocialMedia.SocialMediaOptions>(config.GetSection(Evenhand.Web.SocialMedia.SocialMediaOptions.Section));
builder.Services.AddSingleton<Evenhand.Web.SocialMedia.SocialVectors>();
builder.Services.AddScoped(s => Evenhand.Governance.GovernanceEvidenceService.For(s.GetRequiredService<EvenhandDbContext>(), s.GetRequiredService<TimeProvider>()));

// Shared state and background work (several servers over one database): Data Protection keys in the database, and the
// job engine (due work, social imports, housekeeping) on Quartz.NET. See Infrastructure/Jobs.
builder.AddEvenhandSharedState();
builder.AddEvenhandJobs(provider, connectionString);
// "Your work", email reminders and calendar feeds (Reminders:*).
builder.Services.AddMyWorkAndReminders(config);
builder.Services.AddScoped<DemoData>();
builder.Services.AddScoped<ImportStaging>();
builder.Services.AddScoped<UserAdministration>();

// Accounts: ASP.NET Core Identity with lockout after repeated failures.
builder.Services.AddIdentity<EvenhandUser, IdentityRole>(o =>
    {
        o.User.RequireUniqueEmail = true;
        PasswordRules.Apply(o.Password);
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
    })
    .AddEntityFrameworkStores<EvenhandDbContext>()
    .AddClaimsPrincipalFactory<EvenhandClaimsFactory>()
    .AddSignInManager<EvenhandSignInManager>()
    .AddDefaultTokenProviders();
// Sessions (Sessions:IdleTimeoutMinutes, Sessions:AbsoluteTimeoutHours): the cookie carries the user's security stamp,
// checked on every request, so signing out, disabling a user, resetting their password or changing their role (each of
// which changes the stamp) ends every copy of their session at once. EvenhandSignInManager also refuses disabled users.
var sessions = config.GetSection(SessionTimeouts.Section).Get<SessionTimeouts>() ?? new();
builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
builder.Services.AddScoped<AccountSignIn>();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/account/sign-in";
    o.LogoutPath = "/account/sign-out";
    o.AccessDeniedPath = "/account/access-denied";
    o.Cookie.Name = "evenhand.auth";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    // Secure outside Development (behind a TLS-terminating proxy, set ForwardedHeaders:Enabled so the request is seen as HTTPS).
    o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
    sessions.Apply(o);
    // The API answers 401/403 instead of redirecting to the sign-in page.
    o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
    o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
});
builder.Services.AddAuthorization(Policies.Add);
builder.Services.AddAntiforgery(o =>
{
    o.HeaderName = "X-CSRF-TOKEN";
    o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
    o.SuppressXFrameOptionsHeader = true; // SecurityHeaders sends DENY on every response
});

// Behind a TLS-terminating proxy (ForwardedHeaders:Enabled): trust X-Forwarded-For/-Proto from the proxies named.
var forwarded = config.GetSection(ForwardedHeadersSetup.Section).Get<ForwardedHeadersSetup>() ?? new();
builder.Services.Configure<ForwardedHeadersOptions>(forwarded.Apply);

// Uploads: documents and evidence files are capped; larger requests are refused before they are read.
builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = UploadLimits.MaxRequestBytes);
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = UploadLimits.MaxRequestBytes);

builder.Services.AddRazorPages(o =>
{
    o.Conventions.ConfigureFilter(new NotFoundPageFilter());
    o.Conventions.AddFolderApplicationModelConvention("/Forces", m => m.Filters.Add(new ServiceFilterAttribute(typeof(ForceScopeFilter))));
    // Social media uploads: two exports of up to SocialMedia:MaxUploadMegabytes each, on the upload pages only.
    var socialUploadLimit = (config.GetSection(Evenhand.Web.SocialMedia.SocialMediaOptions.Section).Get<Evenhand.Web.SocialMedia.SocialMediaOptions>() ?? new()).MaxRequestBytes;
    void LimitUploads(PageApplicationModel m)
    {
        m.Filters.Add(new RequestSizeLimitAttribute(socialUploadLimit));
        m.Filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = socialUploadLimit });
    }
    o.Conventions.AddPageApplicationModelConvention("/Forces/SocialMedia/Upload", LimitUploads);
    o.Conventions.AddPageApplicationModelConvention("/SocialMedia/Upload", LimitUploads);
    o.Conventions.AllowAnonymousToFolder("/Public");
    o.Conventions.AllowAnonymousToPage("/Index");
    o.Conventions.AllowAnonymousToPage("/Error");
    o.Conventions.AllowAnonymousToPage("/Accessibility");
    o.Conventions.AllowAnonymousToPage("/Account/SignIn");
});
builder.Services.AddScoped<ForceScopeFilter>();
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
builder.Services.AddOpenApi("v1", ApiDescription.Configure);

// Operations: health endpoints for a load balancer, JSON logs with each request's ids (Logging:Console:FormatterName=json).
builder.Services.AddEvenhandHealthChecks();
builder.AddEvenhandLogging();

var app = builder.Build();

await StartupTasks.RunAsync(app);

app.UseSecurityHeaders();
if (forwarded.Enabled)
{
    app.UseForwardedHeaders();
}

if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    // A load balancer probes /health over plain HTTP inside the network: no redirect for it.
    app.UseWhen(c => !HealthEndpoints.IsHealthRequest(c), b => b.UseHttpsRedirection());
}

app.UseExceptionHandler("/error");
app.UseStatusCodePagesWithReExecute("/error", "?code={0}");
app.UseDatabaseUnavailablePage();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthenticationUnlessDatabaseUnavailable();
app.UsePasswordChangeRequired();
app.UseAuthorization();
app.UseAntiforgery();
app.UseNoStoreForPersonalData();

// The API description needs sign-in like everything else (anonymous: 401).
app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization();
app.MapRazorPages();
app.MapEvenhandApi();
app.MapEvenhandHealthChecks();
app.MapMyWork();

app.Run();

static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
{
    if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/openapi"))
    {
        ctx.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    ctx.Response.Redirect(ctx.RedirectUri);
    return Task.CompletedTask;
}

public partial class Program;
