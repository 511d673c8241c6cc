using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Evenhand.Common;
using Evenhand.HateIncidents.CaseFiles;
using Evenhand.SocialMedia.Datasets;
using Evenhand.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Evenhand.Tests.Web.Access;

/// <summary>
/// Issue 15 point 9: every page, page handler and API endpoint — found from the app's own endpoint data source, so a new
/// one is covered without anyone remembering — requested as every role of the owning force, of another force, nationally
/// and anonymously, with ids seeded in two forces; the outcome must match the one table below, and the test fails when an
/// endpoint appears that the table does not mention (or the table mentions one that is gone).
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class RouteAccessMatrixTests(AppFixture apps, ITestOutputHelper output)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string Owner = "cheshire";
    private const string Other = "cleveland";

    /// <summary>The columns of <see cref="Expected"/>, in order: who makes the request (demo users, password known to the tests).</summary>
    private static readonly string?[] Users =
    [
        null, // anonymous
        "admin@demo.evenhand.test", "inspectorate@demo.evenhand.test",
        .. ForceUsers(Owner), .. ForceUsers(Other),
    ];

    private static IEnumerable<string> ForceUsers(string force) =>
        new[] { "governance", "pcc", "comms", "calltaker", "specialist", "registrar" }.Select(r => $"{r}.{force}@demo.evenhand.test");

    /// <summary>
    /// The one table: "METHOD route-template[?handler=Name]" → the outcome for each column of <see cref="Users"/>, always for
    /// the owning force's records (/forces/cheshire/… with cheshire's ids):
    /// anonymous | administrator, inspectorate | cheshire: governance, PCC office, communications, call taker, hate crime
    /// specialist, force crime registrar | cleveland: the same six.
    /// A = allowed; S = must sign in (pages: redirect to /account/sign-in, API: 401); D = denied (pages: redirect to
    /// /account/access-denied, API: 403); N = not found (404: another force's records are not disclosed).
    /// POSTs are sent (with a valid antiforgery token) where the table says S, D or N; an A is not sent, so the test never
    /// changes data. Every A on a route whose ids belong to a force is also requested with cleveland's ids under cheshire's
    /// slug, and must answer 404.
    /// A new endpoint: add one line.
    /// </summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["GET /"] = "A|AA|AAAAAA|AAAAAA",
        ["GET /accessibility"] = "A|AA|AAAAAA|AAAAAA",
        ["GET /account/access-denied"] = "S|AA|AAAAAA|AAAAAA",
        ["GET /account/change-password"] = "S|AA|AAAAAA|AAAAAA",
        ["GET /account/reminders"] = "S|AA|AAAAAA|AAAAAA",
        ["GET /account/sign-in"] = "A|AA|AAAAAA|AAAAAA",
        ["GET /account/sign-out"] = "A|AA|AAAAAA|AAAAAA",
        ["GET /account/sign-out?handler=Done"] = "A|AA|AAAAAA|AAAAAA",
        ["GET /admin/audit"] = "S|AD|DDDDDD|DDDDDD",
        ["GET /admin/jobs"] = "S|AD|DDDDDD|DDDDDD",
        ["GET /admin/outbox"] = "S|AD|DDDDDD|DDDDDD",
        ["GET /admin/users"] = "S|AD|DDDDDD|DDDDDD",
        ["GET /admin/users/{id}"] = "S|AD|DDDDDD|DDDDDD",
        ["GET /api/v1/antiforgery"] = "S|AA|AAAAAA|AAAAAA",
        ["GET /api/v1/forces"] = "S|AA|AAAAAA|AAAAAA",
        ["GET /api/v1/forces/{slug}/hate-incidents/"] = "S|DD|DDDAAA|DDDNNN",
        ["GET /api/v1/forces/{slug}/hate-incidents/{id:int}"] = "S|DD|DDDAAA|DDDNNN",
        ["GET /api/v1/forces/{slug}/hate-incidents/due-work"] = "S|DD|DDDAAA|DDDNNN",
        ["GET /api/v1/forces/{slug}/recommendations"] = "S|AA|AAAAAA|NNNNNN",
        ["GET /api/v1/forces/{slug}/recommendations/{recommendationId:int}"] = "S|AA|AAAAAA|NNNNNN",
        ["GET /api/v1/forces/{slug}/responses"] = "S|AA|AADDDD|NNDDDD",
        ["GET /api/v1/inspections"] = "S|AA|AAAAAA|AAAAAA",
        ["GET /api/v1/inspections/{id:int}"] = "S|AA|AAAAAA|AAAAAA",
        ["GET /api/v1/my-work"] = "S|AA|AAAAAA|AAAAAA",
        ["GET /api/v1/inspections/{id:int}/section55"] = "S|AA|DDDDDD|DDDDDD",
        ["GET /calendar/{token}.ics"] = "N|NN|NNNNNN|NNNNNN", // a secret no one has: not found, signed in or not
        ["GET /error"] = "A|AA|AAAAAA|AAAAAA",
        ["GET /forces/{slug}/governance"] = "S|AA|AAADDD|NNNDDD",
        ["GET /forces/{slug}/governance/advisory-groups"] = "S|AA|AADDDD|NNDDDD",
        ["GET /forces/{slug}/governance/advisory-groups/new"] = "S|AD|ADDDDD|NDDDDD",
        ["GET /forces/{slug}/governance/advisory-groups/{id:int}"] = "S|AA|AADDDD|NNDDDD",
        ["GET /forces/{slug}/governance/advisory-groups/{id:int}/edit"] = "S|AD|ADDDDD|NDDDDD",
        ["GET /forces/{slug}/governance/advisory-groups/{id:int}/meetings/new"] = "S|AD|ADDDDD|NDDDDD",
        ["GET /forces/{slug}/governance/advisory-groups/{id:int}/meetings/{meetingId:int}"] = "S|AD|ADDDDD|NDDDDD",
        ["GET /forces/{slug}/governance/advisory-groups/{id:int}/members/new"] = "S|AD|ADDDDD|NDDDDD",
        ["GET /forces/{slug}/governance/advisory-groups/{id:int}/members/{memberId:int}"] = "S|AD|ADDDDD|NDDDDD",
        ["GET /forces/{slug}/governance/advisory-groups?handler=Csv"] = "S|AA|AADDDD|NNDDDD",
        ["GET /forces/{slug}/governance/events"] = "S|AA|AADDDD|NNDDDD",
        ["GET /forces/{slug}/governance/events/new"] = "S|AD|ADDDDD|NDDDDD",
        ["GET /forces/{slug}/governance/events/{id:int}"] = "S|AA|AADDDD|NNDDDD",
        ["GET /forces/{slug}/governance/events/{id:int}/edit"] = "S|AD|ADDDDD|NDDDDD",
        ["GET /forces/{slug}/governance/events/{id:int}/review"] = "S|AD|ADDDDD|NDDDDD",
        ["GET /forces/{slug}/governance/events?handler=Csv"] = "S|AA|AADDDD|NNDDDD",
        ["GET /forces/{slug}/governance/horizon-scan"] = "S|AA|AADDDD|NNDDDD",
        ["GET /forces/{slug}/governance/horizon-scan/new"] = "S|AD|ADDDDD|NDDDDD",
        ["GET /forces/{slug}/governance/horizon-scan/{id:int}"] = "S|AA|AADDDD|NNDDDD",
        ["GET /forces/{slug}/governance/horizon-scan/{id:int}/edit"] = "S|AD|ADDDDD|NDDDDD",
        ["GET /forces/{slug}/governance/horizon-scan?handler=Csv"] = "S|AA|AADDDD|NNDDDD",
        ["GET /forces/{slug}/governance/policies"] = "S|AA|AADDDD|NNDDDD",
        ["GET /forces/{slug}/governance/policies/new"] = "S|AD|ADDDDD|NDDDDD",
        ["GET /forces/{slug}/governance/policies/{id:int}"] = "S|AA|AADDDD|NNDDDD",
        ["GET /forces/{slug}/governance/policies/{id:int}/assessments/new"] = "S|AD|ADDDDD|NDDDDD",
        ["GET /forces/{slug}/governance/policies/{id:int}/edit"] = "S|AD|ADDDDD|NDDDDD",
        ["GET /forces/{slug}/governance/policies?handler=Csv"] = "S|AA|AADDDD|NNDDDD",
        ["GET /forces/{slug}/governance/political-contacts"] = "S|AA|AADDDD|NNDDDD",
        ["GET /forces/{slug}/governance/political-contacts/new"] = "S|AD|ADDDDD|NDDDDD",
        ["GET /forces/{slug}/governance/political-contacts/{id:int}"] = "S|AA|AADDDD|NNDDDD",
        ["GET /forces/{slug}/governance/political-contacts/{id:int}/edit"] = "S|AD|ADDDDD|NDDDDD",
        ["GET /forces/{slug}/governance/political-contacts?handler=Csv"] = "S|AA|AADDDD|NNDDDD",
        ["GET /forces/{slug}/governance/staff-networks"] = "S|AA|AADDDD|NNDDDD",
        ["GET /forces/{slug}/governance/staff-networks/new"] = "S|AD|ADDDDD|NDDDDD",
        ["GET /forces/{slug}/governance/staff-networks/{id:int}"] = "S|AA|AADDDD|NNDDDD",
        ["GET /forces/{slug}/governance/staff-networks/{id:int}/edit"] = "S|AD|ADDDDD|NDDDDD",
        ["GET /forces/{slug}/governance/staff-networks/{id:int}/funding/new"] = "S|AD|ADDDDD|NDDDDD",
        ["GET /forces/{slug}/governance/staff-networks/{id:int}/funding/{requestId:int}"] = "S|AD|ADDDDD|NDDDDD",
        ["GET /forces/{slug}/governance/staff-networks?handler=Csv"] = "S|AA|AADDDD|NNDDDD",
        ["GET /forces/{slug}/governance/visible-representations"] = "S|AA|AAADDD|NNNDDD",
        ["GET /forces/{slug}/governance/visible-representations/may-i-wear"] = "S|AA|AAAAAA|NNNNNN",
        ["GET /forces/{slug}/governance/visible-representations/new"] = "S|AD|ADADDD|NDNDDD",
        ["GET /forces/{slug}/governance/visible-representations/policy"] = "S|AA|AAAAAA|NNNNNN",
        ["GET /forces/{slug}/governance/visible-representations/{id:int}"] = "S|AA|AAADDD|NNNDDD",
        ["GET /forces/{slug}/governance/visible-representations/{id:int}/edit"] = "S|AD|ADADDD|NDNDDD",
        ["GET /forces/{slug}/governance/visible-representations?handler=Csv"] = "S|AA|AAADDD|NNNDDD",
        ["GET /forces/{slug}/hate-incidents"] = "S|DD|DDDAAA|DDDNNN",
        ["GET /forces/{slug}/hate-incidents/analysis"] = "S|AA|AADAAA|NNDNNN",
        ["GET /forces/{slug}/hate-incidents/analysis?handler=Csv"] = "S|aa|aaDaaa|NNDNNN",
        ["GET /forces/{slug}/hate-incidents/case-file-reviews"] = "S|DD|DDDDAA|DDDDNN",
        ["GET /forces/{slug}/hate-incidents/case-file-reviews/{id:int}"] = "S|DD|DDDDAA|DDDDNN",
        ["GET /forces/{slug}/hate-incidents/codes"] = "S|AA|AADAAA|NNDNNN",
        ["GET /forces/{slug}/hate-incidents/new"] = "S|DD|DDDAAA|DDDNNN",
        ["GET /forces/{slug}/hate-incidents/policy"] = "S|AA|AADAAA|NNDNNN",
        ["GET /forces/{slug}/hate-incidents/review-queue"] = "S|DD|DDDAAA|DDDNNN",
        ["GET /forces/{slug}/hate-incidents/{id:int}"] = "S|DD|DDDAAA|DDDNNN",
        ["GET /forces/{slug}/hate-incidents/{id:int}/assess"] = "S|DD|DDDAAA|DDDNNN",
        ["GET /forces/{slug}/hate-incidents/{id:int}/delete-personal-data"] = "S|DD|DDDDAA|DDDDNN",
        ["GET /forces/{slug}/hate-incidents/{id:int}/deployment"] = "S|DD|DDDAAA|DDDNNN",
        ["GET /forces/{slug}/hate-incidents/{id:int}/personal-data"] = "S|DD|DDDAAA|DDDNNN",
        ["GET /forces/{slug}/hate-incidents/{id:int}/personal-data?handler=Download"] = "S|DD|DDDAAA|DDDNNN",
        ["GET /forces/{slug}/hate-incidents/{id:int}/review"] = "S|DD|DDDDAA|DDDDNN",
        ["GET /forces/{slug}/hate-incidents/{id:int}/subject-notification"] = "S|DD|DDDDAA|DDDDNN",
        ["GET /forces/{slug}/hate-incidents/{id:int}?handler=Attachment"] = "S|DD|DDDaaa|DDDNNN",
        ["GET /forces/{slug}/hate-incidents?handler=Csv"] = "S|DD|DDDAAA|DDDNNN",
        ["GET /forces/{slug}/recommendations"] = "S|AA|AAAAAA|NNNNNN",
        ["GET /forces/{slug}/recommendations/{recommendationId:int}"] = "S|AA|AAAAAA|NNNNNN",
        ["GET /forces/{slug}/recommendations/{recommendationId:int}?handler=Evidence"] = "S|aa|aaaaaa|NNNNNN",
        ["GET /forces/{slug}/responses"] = "S|AA|AADDDD|NNDDDD",
        ["GET /forces/{slug}/responses/import"] = "S|AD|DADDDD|DNDDDD",
        ["GET /forces/{slug}/responses/{inspectionId:int}"] = "S|AA|AADDDD|NNDDDD",
        ["GET /forces/{slug}/responses/{inspectionId:int}/check"] = "S|AD|DADDDD|DNDDDD",
        ["GET /forces/{slug}/responses/{inspectionId:int}/correct"] = "S|AD|DADDDD|DNDDDD",
        ["GET /forces/{slug}/responses/{inspectionId:int}?handler=Docx"] = "S|AA|AADDDD|NNDDDD",
        ["GET /forces/{slug}/social-media"] = "S|AA|AAADDD|NNNDDD",
        ["GET /forces/{slug}/social-media/import"] = "S|AA|DDADDD|DDNDDD",
        ["GET /forces/{slug}/social-media/{id:int}"] = "S|AA|AAADDD|NNNDDD",
        ["GET /forces/{slug}/social-media/{id:int}/delete"] = "S|AA|DDADDD|DDNDDD",
        ["GET /forces/{slug}/social-media/{id:int}/posts"] = "S|AA|AAADDD|NNNDDD",
        ["GET /forces/{slug}/social-media/{id:int}/posts?handler=Csv"] = "S|AA|AAADDD|NNNDDD",
        ["GET /forces/{slug}/social-media/{id:int}/samples"] = "S|AA|AAADDD|NNNDDD",
        ["GET /forces/{slug}/social-media/{id:int}/samples/{sampleId:int}"] = "S|AA|AAADDD|NNNDDD",
        ["GET /forces/{slug}/social-media/{id:int}/samples/{sampleId:int}?handler=Csv"] = "S|AA|AAADDD|NNNDDD",
        ["GET /forces/{slug}/social-media/{id:int}/samples?handler=Csv"] = "S|AA|AAADDD|NNNDDD",
        ["GET /forces/{slug}/social-media/{id:int}?handler=Csv"] = "S|aa|aaaDDD|NNNDDD",
        ["GET /health/live"] = "A|AA|AAAAAA|AAAAAA", // load balancer probes (issue 12 point 3)
        ["GET /health/ready"] = "A|AA|AAAAAA|AAAAAA",
        ["GET /inspections"] = "S|AA|AAAAAA|AAAAAA",
        ["GET /inspections/import"] = "S|AA|DDDDDD|DDDDDD",
        ["GET /inspections/{id:int}"] = "S|AA|AAAAAA|AAAAAA",
        ["GET /my-work/event.ics"] = "S|NN|NNNNNN|NNNNNN", // no such deadline of theirs
        ["GET /national"] = "S|AA|AAAAAA|AAAAAA",
        ["GET /national/recommendations/{id:int}"] = "S|AA|AAAAAA|AAAAAA",
        ["GET /national/section55"] = "S|AA|DDDDDD|DDDDDD",
        ["GET /national/section55?handler=Csv"] = "S|AA|DDDDDD|DDDDDD",
        ["GET /national?handler=Csv"] = "S|AA|AAAAAA|AAAAAA",
        ["GET /openapi/{documentName}.json"] = "S|AA|AAAAAA|AAAAAA", // behind sign-in (issue 15 point 6)
        ["GET /public/{slug}/responses/{inspectionId:int}"] = "A|AA|AAAAAA|AAAAAA",
        ["GET /public/{slug}/responses/{inspectionId:int}/statuses.csv"] = "A|AA|AAAAAA|AAAAAA",
        ["GET /public/{slug}/responses/{inspectionId:int}/statuses.json"] = "A|AA|AAAAAA|AAAAAA",
        ["GET /service-unavailable"] = "N|NN|NNNNNN|NNNNNN", // drawn only for a request the database outage failed
        ["GET /social-media"] = "S|AA|DDDDDD|DDDDDD",
        ["GET /social-media/import"] = "S|AA|DDDDDD|DDDDDD",
        ["GET /social-media/{id:int}"] = "S|AA|DDDDDD|DDDDDD",
        ["GET /social-media/{id:int}/delete"] = "S|AA|DDDDDD|DDDDDD",
        ["GET /social-media/{id:int}/posts"] = "S|AA|DDDDDD|DDDDDD",
        ["GET /social-media/{id:int}/posts?handler=Csv"] = "S|AA|DDDDDD|DDDDDD",
        ["GET /social-media/{id:int}/samples"] = "S|AA|DDDDDD|DDDDDD",
        ["GET /social-media/{id:int}/samples/{sampleId:int}"] = "S|AA|DDDDDD|DDDDDD",
        ["GET /social-media/{id:int}/samples/{sampleId:int}?handler=Csv"] = "S|AA|DDDDDD|DDDDDD",
        ["GET /social-media/{id:int}/samples?handler=Csv"] = "S|AA|DDDDDD|DDDDDD",
        ["GET /social-media/{id:int}?handler=Csv"] = "S|aa|DDDDDD|DDDDDD",
        ["POST /account/change-password"] = "S|AA|AAAAAA|AAAAAA",
        ["POST /account/reminders?handler=CreateFeed"] = "S|AA|AAAAAA|AAAAAA",
        ["POST /account/reminders?handler=Preference"] = "S|AA|AAAAAA|AAAAAA",
        ["POST /account/reminders?handler=RevokeFeed"] = "S|AA|AAAAAA|AAAAAA",
        ["POST /account/sign-in"] = "A|AA|AAAAAA|AAAAAA",
        ["POST /account/sign-out"] = "A|AA|AAAAAA|AAAAAA",
        ["POST /admin/jobs?handler=RunNow"] = "S|AD|DDDDDD|DDDDDD",
        ["POST /admin/users/{id}?handler=Disable"] = "S|AD|DDDDDD|DDDDDD",
        ["POST /admin/users/{id}?handler=Enable"] = "S|AD|DDDDDD|DDDDDD",
        ["POST /admin/users/{id}?handler=ResetPassword"] = "S|AD|DDDDDD|DDDDDD",
        ["POST /admin/users/{id}?handler=Role"] = "S|AD|DDDDDD|DDDDDD",
        ["POST /admin/users?handler=Create"] = "S|AD|DDDDDD|DDDDDD",
        ["POST /admin/users?handler=Unlock"] = "S|AD|DDDDDD|DDDDDD",
        ["POST /api/v1/forces/{slug}/recommendations/{recommendationId:int}/progress"] = "S|AD|ADDDDD|NDDDDD",
        ["POST /api/v1/hate-incidents/assess"] = "S|AA|AAAAAA|AAAAAA",
        ["POST /error"] = "A|AA|AAAAAA|AAAAAA",
        ["POST /forces/{slug}/governance/advisory-groups/new"] = "S|AD|ADDDDD|NDDDDD",
        ["POST /forces/{slug}/governance/advisory-groups/{id:int}/edit"] = "S|AD|ADDDDD|NDDDDD",
        ["POST /forces/{slug}/governance/advisory-groups/{id:int}/meetings/new"] = "S|AD|ADDDDD|NDDDDD",
        ["POST /forces/{slug}/governance/advisory-groups/{id:int}/meetings/{meetingId:int}"] = "S|AD|ADDDDD|NDDDDD",
        ["POST /forces/{slug}/governance/advisory-groups/{id:int}/members/new"] = "S|AD|ADDDDD|NDDDDD",
        ["POST /forces/{slug}/governance/advisory-groups/{id:int}/members/{memberId:int}"] = "S|AD|ADDDDD|NDDDDD",
        ["POST /forces/{slug}/governance/advisory-groups/{id:int}?handler=Feedback"] = "S|AD|ADDDDD|NNDDDD",
        ["POST /forces/{slug}/governance/advisory-groups?handler=Limits"] = "S|AD|ADDDDD|NNDDDD",
        ["POST /forces/{slug}/governance/events/new"] = "S|AD|ADDDDD|NDDDDD",
        ["POST /forces/{slug}/governance/events/{id:int}/edit"] = "S|AD|ADDDDD|NDDDDD",
        ["POST /forces/{slug}/governance/events/{id:int}/review"] = "S|AD|ADDDDD|NDDDDD",
        ["POST /forces/{slug}/governance/horizon-scan/new"] = "S|AD|ADDDDD|NDDDDD",
        ["POST /forces/{slug}/governance/horizon-scan/{id:int}/edit"] = "S|AD|ADDDDD|NDDDDD",
        ["POST /forces/{slug}/governance/policies/new"] = "S|AD|ADDDDD|NDDDDD",
        ["POST /forces/{slug}/governance/policies/{id:int}/assessments/new"] = "S|AD|ADDDDD|NDDDDD",
        ["POST /forces/{slug}/governance/policies/{id:int}/edit"] = "S|AD|ADDDDD|NDDDDD",
        ["POST /forces/{slug}/governance/political-contacts/new"] = "S|AD|ADDDDD|NDDDDD",
        ["POST /forces/{slug}/governance/political-contacts/{id:int}/edit"] = "S|AD|ADDDDD|NDDDDD",
        ["POST /forces/{slug}/governance/staff-networks/new"] = "S|AD|ADDDDD|NDDDDD",
        ["POST /forces/{slug}/governance/staff-networks/{id:int}/edit"] = "S|AD|ADDDDD|NDDDDD",
        ["POST /forces/{slug}/governance/staff-networks/{id:int}/funding/new"] = "S|AD|ADDDDD|NDDDDD",
        ["POST /forces/{slug}/governance/staff-networks/{id:int}/funding/{requestId:int}"] = "S|AD|ADDDDD|NDDDDD",
        ["POST /forces/{slug}/governance/visible-representations/new"] = "S|AD|ADADDD|NDNDDD",
        ["POST /forces/{slug}/governance/visible-representations/{id:int}/edit"] = "S|AD|ADADDD|NDNDDD",
        ["POST /forces/{slug}/hate-incidents/case-file-reviews"] = "S|DD|DDDDAA|DDDDNN",
        ["POST /forces/{slug}/hate-incidents/case-file-reviews/{id:int}?handler=Judge"] = "S|DD|DDDDAA|DDDDNN",
        ["POST /forces/{slug}/hate-incidents/codes"] = "S|AD|DDDDDA|NNDNNN",
        ["POST /forces/{slug}/hate-incidents/codes?handler=Translate"] = "S|AA|AADAAA|NNDNNN",
        ["POST /forces/{slug}/hate-incidents/new"] = "S|DD|DDDAAA|DDDNNN",
        ["POST /forces/{slug}/hate-incidents/policy"] = "S|AD|DDDDDA|NNDNNN",
        ["POST /forces/{slug}/hate-incidents/{id:int}/assess"] = "S|DD|DDDAAA|DDDNNN",
        ["POST /forces/{slug}/hate-incidents/{id:int}/assess?handler=Preview"] = "S|DD|DDDAAA|DDDNNN",
        ["POST /forces/{slug}/hate-incidents/{id:int}/delete-personal-data"] = "S|DD|DDDDAA|DDDDNN",
        ["POST /forces/{slug}/hate-incidents/{id:int}/delete-personal-data?handler=Keep"] = "S|DD|DDDDAA|DDDDNN",
        ["POST /forces/{slug}/hate-incidents/{id:int}/delete-personal-data?handler=Purge"] = "S|DD|DDDDAA|DDDDNN",
        ["POST /forces/{slug}/hate-incidents/{id:int}/deployment"] = "S|DD|DDDAAA|DDDNNN",
        ["POST /forces/{slug}/hate-incidents/{id:int}/personal-data"] = "S|DD|DDDAAA|DDDNNN",
        ["POST /forces/{slug}/hate-incidents/{id:int}/review"] = "S|DD|DDDDAA|DDDDNN",
        ["POST /forces/{slug}/hate-incidents/{id:int}/subject-notification?handler=Answered"] = "S|DD|DDDDAA|DDDDNN",
        ["POST /forces/{slug}/hate-incidents/{id:int}/subject-notification?handler=Approve"] = "S|DD|DDDDAA|DDDDNN",
        ["POST /forces/{slug}/hate-incidents/{id:int}/subject-notification?handler=Exception"] = "S|DD|DDDDAA|DDDDNN",
        ["POST /forces/{slug}/hate-incidents/{id:int}/subject-notification?handler=Reply"] = "S|DD|DDDDAA|DDDDNN",
        ["POST /forces/{slug}/hate-incidents/{id:int}/subject-notification?handler=Told"] = "S|DD|DDDDAA|DDDDNN",
        ["POST /forces/{slug}/hate-incidents/{id:int}?handler=Attachment"] = "S|DD|DDDAAA|DDDNNN",
        ["POST /forces/{slug}/recommendations/{recommendationId:int}?handler=Action"] = "S|AD|ADDDDD|NNNNNN",
        ["POST /forces/{slug}/recommendations/{recommendationId:int}?handler=ActionStatus"] = "S|AD|ADDDDD|NNNNNN",
        ["POST /forces/{slug}/recommendations/{recommendationId:int}?handler=Assess"] = "S|AA|DADDDD|NNNNNN",
        ["POST /forces/{slug}/recommendations/{recommendationId:int}?handler=Meeting"] = "S|AD|ADDDDD|NNNNNN",
        ["POST /forces/{slug}/recommendations/{recommendationId:int}?handler=Plan"] = "S|AD|ADDDDD|NNNNNN",
        ["POST /forces/{slug}/recommendations/{recommendationId:int}?handler=Progress"] = "S|AD|ADDDDD|NNNNNN",
        ["POST /forces/{slug}/responses/import?handler=Confirm"] = "S|AD|DADDDD|DNDDDD",
        ["POST /forces/{slug}/responses/import?handler=Update"] = "S|AD|DADDDD|DNDDDD",
        ["POST /forces/{slug}/responses/import?handler=Upload"] = "S|AD|DADDDD|DNDDDD",
        ["POST /forces/{slug}/responses/{inspectionId:int}/check"] = "S|AD|DADDDD|DNDDDD",
        ["POST /forces/{slug}/responses/{inspectionId:int}/correct"] = "S|AD|DADDDD|DNDDDD",
        ["POST /forces/{slug}/responses/{inspectionId:int}?handler=Copies"] = "S|AD|DADDDD|NNDDDD",
        ["POST /forces/{slug}/responses/{inspectionId:int}?handler=Save"] = "S|AD|DADDDD|NNDDDD",
        ["POST /forces/{slug}/responses/{inspectionId:int}?handler=Start"] = "S|AD|DADDDD|NNDDDD",
        ["POST /forces/{slug}/social-media/import"] = "S|AA|DDADDD|DDNDDD",
        ["POST /forces/{slug}/social-media/{id:int}/delete"] = "S|AA|DDADDD|DDNDDD",
        ["POST /forces/{slug}/social-media/{id:int}/samples"] = "S|AA|DDADDD|NNNDDD",
        ["POST /forces/{slug}/social-media/{id:int}/samples/{sampleId:int}"] = "S|AA|DDADDD|NNNDDD",
        ["POST /forces/{slug}/social-media/{id:int}/samples/{sampleId:int}?handler=Delete"] = "S|AA|DDADDD|NNNDDD",
        ["POST /inspections/import?handler=Confirm"] = "S|AA|DDDDDD|DDDDDD",
        ["POST /inspections/import?handler=Upload"] = "S|AA|DDDDDD|DDDDDD",
        ["POST /inspections/{id:int}?handler=Trigger"] = "S|AA|DDDDDD|DDDDDD",
        ["POST /service-unavailable"] = "N|NN|NNNNNN|NNNNNN",
        ["POST /social-media/import"] = "S|AA|DDDDDD|DDDDDD",
        ["POST /social-media/{id:int}/delete"] = "S|AA|DDDDDD|DDDDDD",
        ["POST /social-media/{id:int}/samples"] = "S|AA|DDDDDD|DDDDDD",
        ["POST /social-media/{id:int}/samples/{sampleId:int}"] = "S|AA|DDDDDD|DDDDDD",
        ["POST /social-media/{id:int}/samples/{sampleId:int}?handler=Delete"] = "S|AA|DDDDDD|DDDDDD",
    };

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task EveryRoute_AsEveryRoleOfTwoForcesAndAnonymously_AnswersAsTheTableSays(string provider)
    {
        var app = apps.Get(provider);
        var endpoints = Discover(app);
        var discover = Environment.GetEnvironmentVariable("EVENHAND_MATRIX_DISCOVER") == "1";

        var missing = endpoints.Select(e => e.Key).Where(k => !Expected.ContainsKey(k)).Order().ToList();
        var gone = Expected.Keys.Where(k => endpoints.All(e => e.Key != k)).Order().ToList();
        if (!discover)
        {
            Assert.True(missing.Count == 0, "Endpoints the access table does not mention (add a line for each):\n" + string.Join("\n", missing));
            Assert.True(gone.Count == 0, "The access table mentions endpoints that no longer exist:\n" + string.Join("\n", gone));
        }

        var ids = await SeedIdsAsync(app);
        var clients = await Task.WhenAll(Users.Select(async email => email is null ? new UserClient(app.Client(), null) : await UserClient.SignInAsync(app, email)));
        try
        {
            var failures = new List<string>();
            var observed = new Dictionary<string, char[]>();
            var requests = 0;
            await Task.WhenAll(clients.Select((client, column) => Task.Run(async () =>
            {
                foreach (var endpoint in endpoints)
                {
                    var expected = discover ? 'A' : Expected[endpoint.Key].Replace("|", "", StringComparison.Ordinal)[column];
                    var send = endpoint.Method == "GET" || expected != 'A' || (discover && !endpoint.Key.Contains("/account/sign-out", StringComparison.Ordinal) && !endpoint.Key.Contains("elete", StringComparison.Ordinal) && !endpoint.Key.Contains("Purge", StringComparison.Ordinal) && !endpoint.Key.StartsWith("POST /account/sign-in", StringComparison.Ordinal));
                    if (send)
                    {
                        var outcome = await client.RequestAsync(endpoint, ids.Fill(endpoint.Template, foreign: false)!);
                        Interlocked.Increment(ref requests);
                        lock (observed)
                        {
                            (observed.TryGetValue(endpoint.Key, out var row) ? row : observed[endpoint.Key] = Enumerable.Repeat('-', Users.Length).ToArray())[column] = outcome.Code;
                            if (!discover && outcome.Code != expected && !(expected == 'a' && outcome.Code is 'A' or 'N' or 'B'))
                            {
                                failures.Add($"{endpoint.Key} as {client.Email ?? "anonymous"}: expected {expected}, got {outcome}");
                            }
                        }
                    }

                    // Another force's ids under the user's own (or a national user's) view of cheshire: never found.
                    if (!discover && expected == 'A' && client.Email is not null && ids.Fill(endpoint.Template, foreign: true) is { } foreignUrl)
                    {
                        var outcome = await client.RequestAsync(endpoint, foreignUrl);
                        Interlocked.Increment(ref requests);
                        if (outcome.Code != 'N')
                        {
                            lock (observed)
                            {
                                failures.Add($"{endpoint.Method} {foreignUrl} (cleveland's ids) as {client.Email}: expected N, got {outcome}");
                            }
                        }
                    }
                }
            })));

            output.WriteLine($"{endpoints.Count} endpoints, {Users.Length} users, {requests} requests.");
            if (discover)
            {
                foreach (var (key, row) in observed.OrderBy(o => o.Key, StringComparer.Ordinal))
                {
                    var s = new string(row);
                    output.WriteLine($"        [\"{key}\"] = \"{s[..1]}|{s[1..3]}|{s[3..9]}|{s[9..]}\",");
                }

                return;
            }

            Assert.True(failures.Count == 0, $"{failures.Count} requests did not answer as the access table says:\n" + string.Join("\n", failures.Order()));
        }
        finally
        {
            foreach (var c in clients)
            {
                c.Dispose();
            }
        }
    }

    public sealed record RouteEntry(string Method, string Template, string? Handler, bool IsApi)
    {
        public string Key => $"{Method} {Template}{(Handler is null ? "" : "?handler=" + Handler)}";
    }

    /// <summary>Every endpoint of the running app: API endpoints with their HTTP methods; pages with GET and each handler method of their page model.</summary>
    private static List<RouteEntry> Discover(EvenhandApp app)
    {
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        var pageModels = typeof(Program).Assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
            .Where(a => a.Kind == "mvc.1.0.razor-page")
            .ToDictionary(a => a.Identifier, a => a.Type.GetProperty("Model")?.PropertyType ?? a.Type, StringComparer.OrdinalIgnoreCase);
        var entries = new List<RouteEntry>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                entries.Add(new("GET", template, null, false));
                var model = pageModels[page.RelativePath];
                foreach (var method in model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                {
                    if (HandlerName().Match(method.Name) is { Success: true } m)
                    {
                        var name = m.Groups["name"].Value;
                        var verb = m.Groups["verb"].Value.ToUpperInvariant();
                        if (verb == "GET" && name.Length == 0)
                        {
                            continue;
                        }

                        entries.Add(new(verb, template, name.Length == 0 ? null : name, false));
                    }
                }
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                entries.AddRange(methods.Select(m => new RouteEntry(m, template, null, template.StartsWith("/api/", StringComparison.Ordinal))));
            }
        }

        return entries.DistinctBy(e => e.Key).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex("^On(?<verb>Get|Post|Put|Delete)(?<name>[A-Za-z0-9]*?)(Async)?$")]
    private static partial Regex HandlerName();

    /// <summary>Ids of records in cheshire (the owner) and cleveland (the other force), for filling route templates.</summary>
    private sealed partial class SeededIds
    {
        public Dictionary<string, (string Owner, string Other)> ByPrefix { get; } = [];

        public required string Inspection { get; init; }

        /// <summary>A force with a published section 55 response, for /public/{slug}/… (the public sees nothing else).</summary>
        public required string PublicSlug { get; init; }
        public required string Recommendation { get; init; }

        /// <summary>
        /// The URL for a template; with <paramref name="foreign"/>, cleveland's ids under cheshire's slug, or null when the
        /// route has no id that belongs to a force.
        /// </summary>
        public string? Fill(string template, bool foreign)
        {
            var forceOwned = false;
            var plain = Constraint().Replace(template, "}");
            var url = Parameter().Replace(plain, m =>
            {
                var name = m.Groups["name"].Value;
                var (owner, other, owned) = Value(plain[..m.Index], name);
                forceOwned |= owned;
                return foreign ? other : owner;
            });
            return foreign && !forceOwned ? null : url;
        }

        private (string, string, bool) Value(string before, string name)
        {
            switch (name)
            {
                case "slug" when before.StartsWith("/public/", StringComparison.Ordinal): return (PublicSlug, PublicSlug, false);
                case "slug": return (Owner, Owner, false);
                case "documentName": return ("v1", "v1", false);
                case "token": return ("not-a-calendar-secret", "not-a-calendar-secret", false);
                case "inspectionId": return (Inspection, Inspection, false);
                case "recommendationId": return (Recommendation, Recommendation, false);
            }

            // {id} or {sampleId}: the longest known prefix of the template before it says what it is.
            var key = ByPrefix.Keys.Where(k => before.EndsWith(k, StringComparison.Ordinal))
                .OrderByDescending(k => k.Length).FirstOrDefault()
                ?? throw new InvalidOperationException($"No seeded id for {{{name}}} after '{before}': add one in SeedIdsAsync.");
            var (a, b) = ByPrefix[key];
            return (a, b, a != b);
        }

        [GeneratedRegex(@"\{(?<name>\w+)\}")]
        private static partial Regex Parameter();

        [GeneratedRegex(@":[^}]*\}")]
        private static partial Regex Constraint();
    }

    private static async Task<SeededIds> SeedIdsAsync(EvenhandApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Evenhand.Data.EvenhandDbContext>();
        var forces = await db.Forces.Where(f => f.Slug == Owner || f.Slug == Other).ToDictionaryAsync(f => f.Slug, f => f.Id);
        var ctx = ProcessContext.System(TimeProvider.System, "Route access matrix test");

        async Task<(string, string)> Pair(Func<int, Task<int>> idOf) => ((await idOf(forces[Owner])).ToString(), (await idOf(forces[Other])).ToString());

        // A published response for the public pages: the demo data publishes none, so a new PCC office user in a force no
        // other test uses publishes one (once per app).
        var inspection = await db.Inspections.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        const string publicSlug = "lincolnshire";
        if (!await db.Section55Responses.AnyAsync(r => r.Force!.Slug == publicSlug && r.InspectionId == inspection && r.PublishedOn != null))
        {
            using var pcc = await app.SignedInAsNewUserAsync(Evenhand.Accounts.Roles.PccOffice, publicSlug);
            await Evenhand.Tests.Responses.Section55Journey.CompleteAsync(pcc, publicSlug, inspection);
            var published = await Evenhand.Tests.Responses.Section55Journey.PublishAsync(pcc, publicSlug, inspection);
            Assert.True(published.StatusCode == HttpStatusCode.Redirect, await published.Content.ReadAsStringAsync());
        }

        var ids = new SeededIds
        {
            PublicSlug = publicSlug,
            Inspection = inspection.ToString(),
            // A recommendation that applies to both forces (each has an action plan for it).
            Recommendation = (await db.ForceResponses.Where(r => r.ForceId == forces[Owner]).Select(r => r.RecommendationId)
                .Intersect(db.ForceResponses.Where(r => r.ForceId == forces[Other]).Select(r => r.RecommendationId)).OrderBy(r => r).FirstAsync()).ToString(),
        };
        ids.ByPrefix["/inspections/"] = (ids.Inspection, ids.Inspection);
        ids.ByPrefix["/api/v1/inspections/"] = (ids.Inspection, ids.Inspection);
        ids.ByPrefix["/national/recommendations/"] = (ids.Recommendation, ids.Recommendation);
        var user = await db.Users.Where(u => u.Email == $"pcc.{Owner}@demo.evenhand.test").Select(u => u.Id).SingleAsync();
        ids.ByPrefix["/admin/users/"] = (user, user);

        var incidents = await Pair(f => db.HateIncidents.Where(i => i.ForceId == f).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync());
        ids.ByPrefix["/hate-incidents/"] = incidents;

        var reviews = scope.ServiceProvider.GetRequiredService<CaseFileReviewService>();
        ids.ByPrefix["/hate-incidents/case-file-reviews/"] = await Pair(async f =>
            await db.CaseFileReviews.Where(r => r.ForceId == f).Select(r => (int?)r.Id).FirstOrDefaultAsync()
            ?? (await reviews.DrawAsync(f, new DrawSampleOptions(2, Seed: 1), ctx)).Id);

        ids.ByPrefix["/governance/policies/"] = await Pair(f => db.PolicyDocuments.Where(x => x.ForceId == f).Select(x => x.Id).FirstAsync());
        ids.ByPrefix["/governance/visible-representations/"] = await Pair(f => db.VisibleRepresentations.Where(x => x.ForceId == f).Select(x => x.Id).FirstAsync());
        ids.ByPrefix["/governance/political-contacts/"] = await Pair(f => db.PoliticalContacts.Where(x => x.ForceId == f).Select(x => x.Id).FirstAsync());
        ids.ByPrefix["/governance/horizon-scan/"] = await Pair(f => db.ContentiousIssues.Where(x => x.ForceId == f).Select(x => x.Id).FirstAsync());
        ids.ByPrefix["/governance/events/"] = await Pair(f => db.PolicedEvents.Where(x => x.ForceId == f).Select(x => x.Id).FirstAsync());
        ids.ByPrefix["/governance/advisory-groups/"] = await Pair(f => db.AdvisoryGroups.Where(x => x.ForceId == f).OrderBy(x => x.Id).Select(x => x.Id).FirstAsync());
        var groups = ids.ByPrefix["/governance/advisory-groups/"];
        ids.ByPrefix["/governance/advisory-groups/{id}/members/"] = (await MemberOf(int.Parse(groups.Owner)), await MemberOf(int.Parse(groups.Other)));
        ids.ByPrefix["/governance/advisory-groups/{id}/meetings/"] = (await MeetingOf(int.Parse(groups.Owner)), await MeetingOf(int.Parse(groups.Other)));
        ids.ByPrefix["/governance/staff-networks/"] = await Pair(f => db.StaffNetworks.Where(x => x.ForceId == f && x.FundingRequests.Any()).OrderBy(x => x.Id).Select(x => x.Id).FirstAsync());
        var networks = ids.ByPrefix["/governance/staff-networks/"];
        ids.ByPrefix["/governance/staff-networks/{id}/funding/"] = (await RequestOf(int.Parse(networks.Owner)), await RequestOf(int.Parse(networks.Other)));

        async Task<string> RequestOf(int network) =>
            (await db.Set<Evenhand.Governance.FundingRequest>().Where(r => r.StaffNetworkId == network).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync()).ToString();

        async Task<string> MeetingOf(int group) =>
            (await db.Set<Evenhand.Governance.AdvisoryMeeting>().Where(m => m.AdvisoryGroupId == group).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync()).ToString();

        async Task<string> MemberOf(int group) =>
            (await db.Set<Evenhand.Governance.AdvisoryGroupMember>().Where(m => m.AdvisoryGroupId == group).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync()).ToString();

        var samples = scope.ServiceProvider.GetRequiredService<DipSampleService>();
        async Task<int> SampleOf(int dataset) =>
            await db.DipSamples.Where(s => s.DatasetId == dataset).Select(s => (int?)s.Id).FirstOrDefaultAsync()
            ?? (await samples.DrawAsync(dataset, await db.SocialPostKeywords.Where(k => k.DatasetId == dataset).OrderBy(k => k.Keyword).Select(k => k.Keyword).FirstAsync(), 5, 1, ctx)).Id;

        // A dataset with posts to sample: other tests add failed and empty ones to the same forces, and an unordered "first"
        // on PostgreSQL is whichever row the table scan meets first (an updated row moves), so pick by rule, in id order.
        IQueryable<int> Sampleable(int? forceId) => db.SocialDatasets
            .Where(d => d.ForceId == forceId && d.Status == DatasetStatus.Ready && db.SocialPostKeywords.Any(k => k.DatasetId == d.Id))
            .OrderBy(d => d.Id).Select(d => d.Id);
        var datasets = await Pair(f => Sampleable(f).FirstAsync());
        ids.ByPrefix["/forces/{slug}/social-media/"] = datasets;
        ids.ByPrefix["/forces/{slug}/social-media/{id}/samples/"] =
            ((await SampleOf(int.Parse(datasets.Item1))).ToString(), (await SampleOf(int.Parse(datasets.Item2))).ToString());
        var national = await Sampleable(null).FirstAsync();
        ids.ByPrefix["/social-media/"] = (national.ToString(), national.ToString());
        var nationalSample = (await SampleOf(national)).ToString();
        ids.ByPrefix["/social-media/{id}/samples/"] = (nationalSample, nationalSample);
        return ids;
    }

    public sealed record Outcome(char Code, int Status, string? Location)
    {
        public override string ToString() => $"{Code} ({Status}{(Location is null ? "" : " → " + Location)})";
    }

    /// <summary>One user's client: signed in (or anonymous), with an antiforgery token for POSTs.</summary>
    private sealed class UserClient(PageClient client, string? email) : IDisposable
    {
        public string? Email { get; } = email;

        private string? token;

        public static async Task<UserClient> SignInAsync(EvenhandApp app, string email)
        {
            var client = await app.SignedInAsync(email);
            var json = JsonDocument.Parse(await client.Http.GetStringAsync("/api/v1/antiforgery"));
            return new UserClient(client, email) { token = json.RootElement.GetProperty("token").GetString() };
        }

        public async Task<Outcome> RequestAsync(RouteEntry endpoint, string url)
        {
            var target = url + (endpoint.Handler is null ? "" : "?handler=" + endpoint.Handler);
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), target);
            if (endpoint.Method != "GET")
            {
                if (token is not null)
                {
                    request.Headers.Add("X-CSRF-TOKEN", token);
                }

                request.Content = endpoint.IsApi
                    ? new StringContent("{}", Encoding.UTF8, "application/json")
                    : new FormUrlEncodedContent(token is null ? [] : [new("__RequestVerificationToken", token)]);
            }

            using var response = await client.Http.SendAsync(request);
            var status = (int)response.StatusCode;
            var location = response.Headers.Location?.OriginalString;
            var path = location is null ? null : new Uri(new Uri("http://localhost"), location).AbsolutePath;
            var code = status switch
            {
                401 => 'S',
                403 => 'D',
                404 => 'N',
                302 or 303 when path == "/account/sign-in" => 'S',
                302 or 303 when path == "/account/access-denied" => 'D',
                400 => 'B',
                >= 500 => 'E',
                _ => 'A',
            };
            return new Outcome(code, status, location);
        }

        public void Dispose() => client.Dispose();
    }
}
