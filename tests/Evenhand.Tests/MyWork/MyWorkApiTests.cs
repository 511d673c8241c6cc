using System.Net;
using System.Net.Http.Json;
using Evenhand.Accounts;
using Evenhand.Common;
using Evenhand.Governance;
using Evenhand.MyWork;
using Evenhand.Responses;
using Evenhand.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evenhand.Tests.MyWork;

/// <summary>Issue 11: "your work" through GET /api/v1/my-work — the right items for each role, only ever from the user's own force.</summary>
[Collection(AppCollection.Name)]
public sealed class MyWorkApiTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    public sealed record Item(string Kind, string Title, DateOnly? DueOn, bool Overdue, string Url, string Force);

    public sealed record Work(List<Item> Items);

    internal static async Task<List<Item>> MyWorkAsync(PageClient client)
    {
        var response = await client.GetAsync("/api/v1/my-work");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Work>())!.Items;
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Demo_PccOffice_ListsTheSection55Work_OfItsOwnForceOnly(string provider)
    {
        var app = apps.Get(provider);
        using var pcc = await app.SignedInAsync("pcc.cleveland@demo.evenhand.test");
        var items = await MyWorkAsync(pcc);

        // The demo's imported response is a draft, and the report was published on 10 September 2024: due 4 November 2024, overdue.
        var publish = Assert.Single(items, i => i.Kind == WorkKinds.Section55Publish);
        Assert.Equal(new DateOnly(2024, 11, 4), publish.DueOn);
        Assert.True(publish.Overdue);
        Assert.StartsWith("/forces/cleveland/responses/", publish.Url, StringComparison.Ordinal);
        Assert.All(items, i => Assert.Equal("cleveland", i.Force));
        Assert.All(items, i => Assert.StartsWith("/forces/cleveland/", i.Url, StringComparison.Ordinal));
        Assert.DoesNotContain(items, i => i.Kind is WorkKinds.Review or WorkKinds.PolicyReview or WorkKinds.Action);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Demo_Specialist_ListsReviewsAndSubjectsToTell_ByReferenceOnly(string provider)
    {
        var app = apps.Get(provider);
        using var specialist = await app.SignedInAsync("specialist.cleveland@demo.evenhand.test");
        var items = await MyWorkAsync(specialist);

        Assert.Contains(items, i => i.Kind == WorkKinds.Review);
        Assert.Contains(items, i => i.Kind == WorkKinds.TellSubject);
        Assert.All(items, i => Assert.Equal("cleveland", i.Force));
        Assert.DoesNotContain(items, i => i.Kind is WorkKinds.Section55Publish or WorkKinds.PolicyReview);

        // The same work as the force's due-work list, and no person's name, address or phone number in any title.
        await using var db = app.CreateDbContext();
        var forceId = await db.Forces.Where(f => f.Slug == "cleveland").Select(f => f.Id).SingleAsync();
        var references = await db.HateIncidents.Where(i => i.ForceId == forceId).Select(i => i.Reference).ToListAsync();
        Assert.All(items, i => Assert.Contains(references, r => i.Title.Contains(r, StringComparison.Ordinal)));
        var people = await db.IncidentPeople.Where(p => p.ForceId == forceId).ToListAsync();
        Assert.NotEmpty(people);
        foreach (var p in people)
        {
            Assert.DoesNotContain(items, i => i.Title.Contains(p.Name, StringComparison.OrdinalIgnoreCase));
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Demo_CallTaker_HasNothingFromOtherForces_AndItsHomePageMentionsHateIncidents(string provider)
    {
        var app = apps.Get(provider);
        using var callTaker = await app.SignedInAsync("calltaker.cleveland@demo.evenhand.test");
        var items = await MyWorkAsync(callTaker);
        Assert.All(items, i => Assert.Equal("cleveland", i.Force));

        var home = await callTaker.GetPageAsync("/");
        Assert.Equal("Your work", home.QuerySelector("h1")!.TextContent.Trim());
        var links = home.QuerySelectorAll("nav[aria-label=Menu] a, #pages a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/forces/cleveland/hate-incidents/new", home.QuerySelectorAll("#pages a").Select(a => a.GetAttribute("href")));
        Assert.Contains("/forces/cleveland/hate-incidents", links);
        Assert.Contains("/forces/cleveland/governance/visible-representations/may-i-wear", links);
        Assert.DoesNotContain("/forces/cleveland/governance", links);
        Assert.DoesNotContain(links, l => l!.Contains("/responses", StringComparison.Ordinal));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Demo_GovernanceLead_IsOfferedTheHateIncidentAnalysisAndPolicy_AndMayIWearIt(string provider)
    {
        var app = apps.Get(provider);
        using var governance = await app.SignedInAsync("governance.cleveland@demo.evenhand.test");
        var home = await governance.GetPageAsync("/");
        var menu = home.QuerySelectorAll("nav[aria-label=Menu] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/forces/cleveland/hate-incidents/analysis", menu);
        Assert.Contains("/forces/cleveland/governance/visible-representations/may-i-wear", menu);
        Assert.DoesNotContain("/forces/cleveland/hate-incidents", menu); // the records are not the governance lead's
        var pages = home.QuerySelectorAll("#pages a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/forces/cleveland/hate-incidents/policy", pages);

        // Every page offered opens for this role (no link leads to "access denied").
        foreach (var href in menu.Concat(pages).Distinct())
        {
            var response = await governance.GetAsync(href!);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{href} answered {(int)response.StatusCode}");
        }

        // And the hate-incident pages' own tabs offer only what the role may open.
        var policy = await governance.GetPageAsync("/forces/cleveland/hate-incidents/policy");
        var tabs = policy.QuerySelectorAll("nav.moj-sub-navigation a").Select(a => a.GetAttribute("href")).ToList();
        Assert.DoesNotContain("/forces/cleveland/hate-incidents", tabs);
        Assert.Contains("/forces/cleveland/hate-incidents/analysis", tabs);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task EveryRole_IsOfferedOnlyPagesItMayOpen(string provider)
    {
        var app = apps.Get(provider);
        foreach (var role in new[] { "pcc", "comms", "calltaker", "specialist", "registrar" })
        {
            using var client = await app.SignedInAsync($"{role}.cheshire@demo.evenhand.test");
            var home = await client.GetPageAsync("/");
            var hrefs = home.QuerySelectorAll("nav[aria-label=Menu] a, #pages a").Select(a => a.GetAttribute("href")!).Distinct().ToList();
            Assert.Contains("/forces/cheshire/governance/visible-representations/may-i-wear", hrefs);
            foreach (var href in hrefs)
            {
                var response = await client.GetAsync(href);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role}: {href} answered {(int)response.StatusCode}");
            }
        }
    }

    /// <summary>Records of each kind in a force no other test uses, and the people of each role there and in another force.</summary>
    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task EachKind_AppearsForTheRightRoleAndForce_AndDisappearsWhenDone(string provider)
    {
        var app = apps.Get(provider);
        // Forces no other test writes to: the PCC office must still have its section 55 comments to publish.
        const string slug = "staffordshire", other = "south-yorkshire";
        var governanceEmail = await app.CreateUserAsync(Roles.ForceGovernance, slug);
        var commsEmail = await app.CreateUserAsync(Roles.Communications, slug);
        var pccEmail = await app.CreateUserAsync(Roles.PccOffice, slug);
        var ownerEmail = await app.CreateUserAsync(Roles.CallTaker, slug); // an action can be anyone's
        var otherGovernanceEmail = await app.CreateUserAsync(Roles.ForceGovernance, other);

        var today = UkTime.Date(TestClock.Now);
        int policyId, eventId, groupId, representationId, recommendationId, actionId;
        using (var scope = app.Services.CreateScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<Evenhand.Data.EvenhandDbContext>();
            var forceId = await db.Forces.Where(f => f.Slug == slug).Select(f => f.Id).SingleAsync();
            var owner = await db.Users.SingleAsync(u => u.Email == ownerEmail);
            var ctx = new ProcessContext("test", "Test", TestClock.Now);
            policyId = (await sp.GetRequiredService<PolicyRegisterService>().CreateAsync(forceId,
                new PolicyDetails("Staffordshire stop and search policy", null, "Head of operations", true, today.AddMonths(-25), 24, null), ctx)).Id;
            eventId = (await sp.GetRequiredService<PolicedEventService>().CreateAsync(forceId,
                new EventDetails("Staffordshire county show", EventCategory.Community, today.AddDays(-40), today.AddDays(-38), false, AttendanceReason.EngagementDeployment,
                    "Community engagement", null, null, null, false, true), ctx)).Id;
            groupId = (await sp.GetRequiredService<AdvisoryGroupService>().CreateAsync(forceId,
                new AdvisoryGroupDetails("Staffordshire independent advisory group", AdvisoryGroupType.IndependentAdvisoryGroup, today.AddMonths(-11).AddDays(2), "A Chair", ChairKind.Independent, null), ctx)).Id;
            representationId = (await sp.GetRequiredService<VisibleRepresentationService>().CreateAsync(forceId,
                new RepresentationDetails(RepresentationItem.Lanyard, "Staffordshire charity lanyard", "A local charity", RepresentationDecision.Permitted, null, null, null,
                    "Chief constable", today.AddDays(-30), "Not a contested cause", today.AddDays(3)), ctx)).Id;
            var plans = sp.GetRequiredService<ForceResponseService>();
            var plan = (await plans.ListForForceAsync(forceId)).First();
            recommendationId = plan.RecommendationId;
            var full = await plans.AddActionAsync(forceId, recommendationId, new AddActionOptions(plan.Version, "Brief every sergeant", null, today.AddDays(-1), owner.Id), ctx);
            actionId = full.Actions.Single(a => a.Description == "Brief every sergeant").Id;
            Assert.Equal(owner.DisplayName, full.Actions.Single(a => a.Id == actionId).Owner);
        }

        using var governance = await app.SignedInAsync(governanceEmail);
        using var comms = await app.SignedInAsync(commsEmail);
        using var pcc = await app.SignedInAsync(pccEmail);
        using var owner1 = await app.SignedInAsync(ownerEmail);
        using var otherGovernance = await app.SignedInAsync(otherGovernanceEmail);

        var g = await MyWorkAsync(governance);
        Assert.Contains(g, i => i.Kind == WorkKinds.PolicyReview && i.Url == $"/forces/{slug}/governance/policies/{policyId}/edit" && i.Overdue);
        Assert.Contains(g, i => i.Kind == WorkKinds.EventLearningReview && i.Url.EndsWith($"/events/{eventId}/review", StringComparison.Ordinal) && i.Overdue && i.DueOn == today.AddDays(-38 + PolicedEvent.ReviewWithinDays));
        Assert.Contains(g, i => i.Kind == WorkKinds.TermsOfReference && i.Url.Contains($"/advisory-groups/{groupId}", StringComparison.Ordinal) && !i.Overdue);
        Assert.Contains(g, i => i.Kind == WorkKinds.RepresentationReview && i.Url.Contains($"/visible-representations/{representationId}", StringComparison.Ordinal) && i.DueOn == today.AddDays(3));
        Assert.DoesNotContain(g, i => i.Kind == WorkKinds.Action && i.Url.EndsWith($"/recommendations/{recommendationId}", StringComparison.Ordinal) && i.Title.Contains("Brief every sergeant", StringComparison.Ordinal)); // it is the owner's
        Assert.DoesNotContain(g, i => i.Kind == WorkKinds.Section55Publish);

        var c = await MyWorkAsync(comms);
        Assert.Contains(c, i => i.Kind == WorkKinds.RepresentationReview && i.Url.Contains($"/visible-representations/{representationId}", StringComparison.Ordinal));
        Assert.DoesNotContain(c, i => i.Kind is WorkKinds.PolicyReview or WorkKinds.EventLearningReview or WorkKinds.TermsOfReference or WorkKinds.Recommendation);

        var p = await MyWorkAsync(pcc);
        Assert.Contains(p, i => i.Kind == WorkKinds.Section55Publish);
        Assert.DoesNotContain(p, i => i.Kind is WorkKinds.PolicyReview or WorkKinds.RepresentationReview or WorkKinds.Action);

        var o = await MyWorkAsync(owner1);
        var action = Assert.Single(o, i => i.Kind == WorkKinds.Action);
        Assert.True(action.Overdue);
        Assert.Equal($"/forces/{slug}/recommendations/{recommendationId}", action.Url);

        var x = await MyWorkAsync(otherGovernance);
        Assert.All(x, i => Assert.Equal(other, i.Force));
        Assert.DoesNotContain(x, i => i.Title.Contains("Staffordshire", StringComparison.Ordinal));

        // The home page shows the same items, each linking to where it is done.
        var home = await governance.GetPageAsync("/");
        Assert.NotNull(home.QuerySelector($"#overdue a[href='/forces/{slug}/governance/policies/{policyId}/edit']"));
        Assert.NotNull(home.QuerySelector($"#this-week a[href='/forces/{slug}/governance/visible-representations/{representationId}/edit']"));

        // Done: the action, the policy review and the learning review disappear.
        using (var scope = app.Services.CreateScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<Evenhand.Data.EvenhandDbContext>();
            var forceId = await db.Forces.Where(f => f.Slug == slug).Select(f => f.Id).SingleAsync();
            var ctx = new ProcessContext("test", "Test", TestClock.Now);
            var plans = sp.GetRequiredService<ForceResponseService>();
            var plan = await plans.GetAsync(forceId, recommendationId);
            await plans.SetActionStatusAsync(forceId, recommendationId, actionId, ActionStatus.Done, plan.Version, ctx);
            var policies = sp.GetRequiredService<PolicyRegisterService>();
            var policy = await policies.GetAsync(forceId, policyId);
            await policies.UpdateAsync(forceId, policyId, policy.Version, new PolicyDetails(policy.Title, null, policy.Owner, true, today, 24, null), ctx);
            var events = sp.GetRequiredService<PolicedEventService>();
            var e = await events.GetAsync(forceId, eventId);
            await events.RecordReviewAsync(forceId, eventId, e.Version, new LearningReviewDetails(today, "Inspector", "Effective", null, null), ctx);
        }

        Assert.DoesNotContain(await MyWorkAsync(owner1), i => i.Kind == WorkKinds.Action);
        var after = await MyWorkAsync(governance);
        Assert.DoesNotContain(after, i => i.Kind == WorkKinds.PolicyReview && i.Url.Contains($"/policies/{policyId}/", StringComparison.Ordinal));
        Assert.DoesNotContain(after, i => i.Kind == WorkKinds.EventLearningReview && i.Url.Contains($"/events/{eventId}/", StringComparison.Ordinal));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task NationalUser_HasNoItems_AndAnonymousMustSignIn(string provider)
    {
        var app = apps.Get(provider);
        using var inspectorate = await app.SignedInAsync("inspectorate@demo.evenhand.test");
        Assert.Empty(await MyWorkAsync(inspectorate));
        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/my-work")).StatusCode);
    }
}
