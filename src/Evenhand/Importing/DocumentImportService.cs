using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Forces;
using Evenhand.Inspections;
using Evenhand.Inspections.Parsing;
using Evenhand.Responses;
using Evenhand.Responses.Parsing;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Importing;

public sealed record ImportReportOptions(
    ParsedReport Report,
    string Title,
    string Publisher,
    DateOnly PublishedOn,
    InspectionType Type,
    string? SourceFileName);

public sealed record ImportResponseOptions(int InspectionId, string ForceSlug, ParsedResponse Response, string? SourceFileName)
{
    /// <summary>What the person changed in the preview (<see cref="ResponseCorrections"/>): each is audited with the import.</summary>
    public IReadOnlyList<ImportCorrection> Corrections { get; init; } = [];
}

public sealed record ResponseImportResult(Section55Response Response, int Answered, IReadOnlyList<int> Missing)
{
    /// <summary>The comment parts filled from the document (names of <see cref="Section55Response"/> properties).</summary>
    public IReadOnlyList<string> CommentsFilled { get; init; } = [];

    /// <summary>Why a comment part of the document was not imported, one sentence each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>
/// Turns parsed documents into records: used by the web upload, the CLI and the demo data alike, so all three behave the same.
/// Each import is one transaction: it is saved whole or not at all.
/// </summary>
public sealed class DocumentImportService(EvenhandDbContext db)
{
    public const string DefaultPublisher = "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services";

    /// <summary>Reads and parses a report document without saving anything (the preview step).</summary>
    public static ParsedReport PreviewReport(Stream content, string fileName) =>
        ReportParser.Parse(DocumentText.Read(content, fileName), fileName);

    /// <summary>Reads and parses a PCC response against an inspection already stored, without saving anything.</summary>
    public async Task<ParsedResponse> PreviewResponseAsync(Stream content, string fileName, int inspectionId, CancellationToken ct = default)
    {
        var text = DocumentText.Read(content, fileName);
        var inspection = await db.Inspections.AsNoTracking().Include(i => i.Recommendations).SingleOrDefaultAsync(i => i.Id == inspectionId, ct)
            ?? throw new ImportException($"There is no inspection with id {inspectionId} to match this response against. Import the report first.");
        return ResponseParser.Parse(text, ToParsed(inspection.Recommendations), await ForceNamesAsync(ct), fileName, inspection.Title);
    }

    public async Task<IReadOnlyList<(string Slug, string Name, string LocalPolicingBody)>> ForceNamesAsync(CancellationToken ct = default) =>
        (await db.Forces.AsNoTracking().ToListAsync(ct)).Select(f => (f.Slug, f.Name, f.LocalPolicingBody)).ToList();

    public static IReadOnlyList<ParsedRecommendation> ToParsed(IEnumerable<Recommendation> recommendations) =>
        recommendations.OrderBy(r => r.Number).Select(r => new ParsedRecommendation(
            r.Number, r.Text, r.Chapter, r.DueDate,
            r.DueRuleMonths is { } m ? new DueRule(m, r.DueRuleEvent ?? "", r.DueRuleDescription ?? "") : null,
            r.Addressees, r.AppliesToForces)).ToList();

    /// <summary>
    /// The due date stored for a recommendation. One that runs from publication ("within three months", "immediately") is
    /// counted from the publication date of the import, which is the one the user confirmed (the document may not state
    /// it, or state it differently), and stored as a fixed date with the report's words beside it: publication has
    /// happened, so there is no event left to record. Any other relative deadline waits for its event.
    /// </summary>
    public static DateOnly? DueDateOnImport(ParsedRecommendation r, DateOnly publishedOn) =>
        r.DueRule is { FromPublication: true } rule ? DueDateParser.Resolve(rule, publishedOn) : r.DueDate;

    public async Task<Inspection> ImportReportAsync(ImportReportOptions o, ProcessContext ctx, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(o.Title))
        {
            throw new ImportException("Enter the inspection's title.");
        }

        if (o.Report.Recommendations.Count == 0)
        {
            throw new ImportException("The report has no recommendations to import.");
        }

        var title = o.Title.Trim();
        if (await db.Inspections.AnyAsync(i => i.Title == title && i.PublishedOn == o.PublishedOn, ct))
        {
            throw new ImportException($"'{title}' published on {Format.Date(o.PublishedOn)} has already been imported.");
        }

        return await db.InTransactionAsync(async ct =>
        {
            var inspection = new Inspection
            {
                Title = title,
                Publisher = string.IsNullOrWhiteSpace(o.Publisher) ? DefaultPublisher : o.Publisher.Trim(),
                PublishedOn = o.PublishedOn,
                Type = o.Type,
                SourceFileName = o.SourceFileName,
                Recommendations = o.Report.Recommendations.Select(r => new Recommendation
                {
                    Number = r.Number,
                    Text = r.Text,
                    Chapter = r.Chapter,
                    Addressees = [.. r.Addressees],
                    AppliesToForces = r.AppliesToForces,
                    DueDate = DueDateOnImport(r, o.PublishedOn),
                    DueRuleMonths = r.DueRule is { FromPublication: false } ? r.DueRule.Months : null,
                    DueRuleEvent = r.DueRule is { FromPublication: false } ? r.DueRule.Event : null,
                    DueRuleDescription = r.DueRule?.Description,
                }).ToList(),
            };
            db.Inspections.Add(inspection);
            await db.SaveChangesAsync(ct);

            // Every force gets an action plan for every recommendation that applies to forces.
            var forceIds = await db.Forces.Select(f => f.Id).ToListAsync(ct);
            foreach (var rec in inspection.Recommendations.Where(r => r.AppliesToForces))
            {
                foreach (var forceId in forceIds)
                {
                    db.ForceResponses.Add(new ForceResponse { ForceId = forceId, RecommendationId = rec.Id });
                }
            }

            AuditLog.Record(db, ctx, "Imported", nameof(Inspection), inspection.Id, null, null,
                new { inspection.Title, inspection.PublishedOn, Recommendations = inspection.Recommendations.Count, o.SourceFileName });
            await db.SaveChangesAsync(ct);
            return inspection;
        }, ct);
    }

    /// <summary>Stores a PCC's published response as the force's section 55 response for the inspection.</summary>
    public async Task<ResponseImportResult> ImportResponseAsync(ImportResponseOptions o, ProcessContext ctx, CancellationToken ct = default)
    {
        return await db.InTransactionAsync(async ct =>
        {
            var force = await db.Forces.SingleOrDefaultAsync(f => f.Slug == o.ForceSlug, ct)
                ?? throw new ImportException(UnknownForceMessage(o.ForceSlug));
            var inspection = await db.Inspections.Include(i => i.Recommendations).SingleOrDefaultAsync(i => i.Id == o.InspectionId, ct)
                ?? throw new ImportException($"There is no inspection with id {o.InspectionId}.");
            if (o.Response.Responses.Count == 0)
            {
                throw new ImportException("The document answers none of the inspection's recommendations; nothing was imported.");
            }

            var response = await db.Section55Responses.Include(r => r.Items)
                .SingleOrDefaultAsync(r => r.ForceId == force.Id && r.InspectionId == inspection.Id, ct);
            if (response is { IsPublished: true })
            {
                throw new ImportException($"{force.Name}'s response to this inspection is already published; it cannot be replaced by an import.");
            }

            if (response is null)
            {
                response = Section55Response.Start(force, inspection);
                db.Section55Responses.Add(response);
            }

            response.SourceFileName = o.SourceFileName;
            var byNumber = inspection.Recommendations.ToDictionary(r => r.Number);
            var texts = new Dictionary<int, List<string>>();
            foreach (var item in o.Response.Responses)
            {
                foreach (var n in item.Recommendations)
                {
                    if (!byNumber.ContainsKey(n))
                    {
                        throw new ImportException($"The document answers recommendation {n}, which '{inspection.Title}' does not have.");
                    }

                    (texts.TryGetValue(n, out var list) ? list : texts[n] = []).Add(item.Text);
                }
            }

            foreach (var (number, parts) in texts.OrderBy(t => t.Key))
            {
                var text = string.Join(Environment.NewLine + Environment.NewLine, parts.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct());
                response.Answer(byNumber[number], string.IsNullOrWhiteSpace(text) ? null : Section55StanceRule.Infer(text), text, ctx);
            }

            // The commissioner's and chief officer's comments the document holds, where the draft has none yet.
            var comments = response.ImportComments(o.Response.BodyComments, o.Response.ChiefOfficerComments, o.Response.ResponseToChiefOfficer, ctx);
            var filled = comments.Where(c => c.Filled).Select(c => c.Field).ToList();
            var kept = comments.Where(c => !c.Filled && c.Reason is not null).ToList();

            await db.SaveChangesAsync(ct);
            AuditLog.Record(db, ctx, "Imported", nameof(Section55Response), response.Id, force.Id, null,
                new { o.SourceFileName, Answered = texts.Keys.Order().ToList(), o.Response.Missing, CommentsFilled = filled, CommentsKept = kept.Select(k => k.Field).ToList() });
            foreach (var correction in o.Corrections)
            {
                AuditLog.Record(db, ctx, "ImportCorrected", nameof(Section55Response), response.Id, force.Id, null, correction);
            }

            await db.SaveChangesAsync(ct);
            return new ResponseImportResult(response, texts.Count, o.Response.Missing)
            {
                CommentsFilled = filled,
                Notes = kept.Select(k => k.Reason!).ToList(),
            };
        }, ct);
    }

    public static string UnknownForceMessage(string slug) =>
        $"'{slug}' is not one of the 43 territorial police forces. Use a force's short name in lower case with hyphens, for example " +
        $"{string.Join(", ", ForceCatalogue.All.Take(4).Select(f => f.Slug))}.";
}

/// <summary>Section 55(3): a response either sets out steps taken or proposed, or explains why none will be taken.</summary>
public static class Section55StanceRule
{
    private static readonly string[] NoActionPhrases =
        ["no action will be taken", "no further action", "not applicable to", "does not apply to", "no steps will be taken", "will not be taking action"];

    public static Section55Stance Infer(string text) =>
        NoActionPhrases.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase))
            ? Section55Stance.NoActionWithReason
            : Section55Stance.ActionTakenOrProposed;
}
