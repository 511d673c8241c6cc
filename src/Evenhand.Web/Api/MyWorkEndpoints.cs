using System.Security.Claims;
using Evenhand.MyWork;
using Evenhand.Web.Infrastructure;

namespace Evenhand.Web.Api;

/// <summary>
/// "Your work" outside the home page: the JSON list (the home page's items), the personal calendar feed at its secret address
/// (calendar clients cannot sign in), and one deadline as an .ics file.
/// </summary>
public static class MyWorkEndpoints
{
    /// <summary>Maps GET /api/v1/my-work onto the API group (signed in).</summary>
    public static void MapMyWorkApi(this RouteGroupBuilder api) =>
        api.MapGet("/my-work", async (HttpContext http, MyWorkService work, CancellationToken ct) =>
            {
                var user = await work.FindUserAsync(http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct);
                var view = user is null ? MyWorkView.Of([], work.Today) : await work.ViewAsync(user, ct);
                return new MyWorkDto(view.All.Select(MyWorkItemDto.From).ToList());
            })
            .WithSummary("The signed-in user's work, as on their home page: overdue first, then due this week, then due in the next 90 days. " +
                "Each item: kind, title (hate incidents by reference only), dueOn, overdue, url of the page where it is done, and force (slug).");

    /// <summary>The calendar feed (anonymous, by secret) and the one-deadline download (signed in).</summary>
    public static void MapMyWork(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{token}.ics", async (string token, CalendarFeedService feeds, MyWorkService work, ReminderOptions options, TimeProvider time, CancellationToken ct) =>
            {
                var userId = await feeds.UserForAsync(token, ct);
                var user = userId is null ? null : await work.FindUserAsync(userId, ct);
                if (user is null)
                {
                    return Results.NotFound();
                }

                var now = time.GetUtcNow();
                var ics = CalendarWriter.Write(await work.ItemsAsync(user, now, ct), options, now, $"Evenhand: {user.DisplayName}");
                return Results.Text(ics, CalendarWriter.ContentType);
            })
            .AllowAnonymous()
            // Not part of the JSON API: an address for calendar clients, found on the user's reminders page.
            .ExcludeFromDescription()
            .WithSummary("The personal calendar feed (iCalendar) at its secret address: every dated deadline of the user's as an all-day event. 404 once revoked.");

        app.MapGet("/my-work/event.ics", async (string? key, HttpContext http, MyWorkService work, ReminderOptions options, TimeProvider time, CancellationToken ct) =>
            {
                var user = await work.FindUserAsync(http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct);
                var now = time.GetUtcNow();
                var item = user is null || string.IsNullOrEmpty(key) ? null : (await work.ItemsAsync(user, now, ct)).FirstOrDefault(i => i.Key == key && i.DueOn is not null);
                if (item is null)
                {
                    return Results.NotFound();
                }

                var ics = CalendarWriter.Write([item], options, now, "Evenhand");
                return Results.File(System.Text.Encoding.UTF8.GetBytes(ics), CalendarWriter.ContentType, $"evenhand-{item.Key.Replace(':', '-')}.ics");
            })
            .RequireAuthorization()
            .WithSummary("One of the signed-in user's deadlines as an iCalendar file with one all-day event.");
    }
}

public sealed record MyWorkDto(IReadOnlyList<MyWorkItemDto> Items);

public sealed record MyWorkItemDto(string Kind, string Title, DateOnly? DueOn, bool Overdue, string Url, string Force)
{
    public static MyWorkItemDto From(WorkItem i) => new(i.Kind, i.Title, i.DueOn, i.Overdue, i.Url, i.Force.Slug);
}
