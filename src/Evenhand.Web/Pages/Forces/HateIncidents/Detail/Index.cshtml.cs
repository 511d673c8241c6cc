using Evenhand.Common;
using Evenhand.HateIncidents;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.HateIncidents.Detail;

/// <summary>
/// One incident: what was reported, the assessment and why, supporting information, the decisions taken, its attachments and
/// its history. No personal data on the page itself; files about the subject are listed only to roles that may see them, and
/// every download is audited.
/// </summary>
[Authorize(Policy = Policies.RecordHateIncidents)]
public sealed class IndexModel(HateIncidentService incidents, HatePolicyService policies, IAuthorizationService authz, TimeProvider time)
    : IncidentPageModel(incidents, policies, authz, time)
{
    public SupportingInformation Supporting { get; private set; } = null!;
    public IReadOnlyList<IncidentAttachment> Attachments { get; private set; } = [];

    /// <summary>Whether this user may attach a file about the subject here (lawful basis and role).</summary>
    public bool MayAttachAboutSubject => Incident.Assessment?.SubjectPersonalDataAllowed == true && CanSeeSubject;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? AttachmentDescription { get; set; }
    [BindProperty] public bool AttachmentAboutSubject { get; set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => PageOrNotFoundAsync(ct);

    public async Task<IActionResult> OnGetAttachmentAsync(int attachmentId, CancellationToken ct)
    {
        try
        {
            var (a, content) = await Incidents.OpenAttachmentAsync(Force.Id, Id, attachmentId, Role, Actor(), ct);
            return File(content, a.ContentType, a.FileName);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public Task<IActionResult> OnPostAttachmentAsync(CancellationToken ct) => ChangeAsync(Policies.RecordHateIncidents, nameof(Upload), async () =>
    {
        if (Upload?.Length > IncidentAttachment.MaxBytes)
        {
            // Refused before reading it into memory; the domain rule gives the same message for files that get that far.
            throw new DomainRuleException(
                $"'{Path.GetFileName(Upload.FileName)}' is {Upload.Length / 1024.0 / 1024.0:F1} MB; attachments must be smaller than {IncidentAttachment.MaxBytes / 1024 / 1024} MB.");
        }

        // No file chosen reaches the domain as an empty one, which refuses it.
        using var ms = new MemoryStream();
        if (Upload is not null)
        {
            await Upload.CopyToAsync(ms, ct);
        }

        await Incidents.AddAttachmentAsync(Force.Id, Id, Version, new UploadedFile(Upload?.FileName ?? "", Upload?.ContentType ?? "", ms.ToArray()),
            AttachmentDescription, AttachmentAboutSubject, Role, Actor(), ct);
    }, "File attached", IncidentUrl() + "#attachments", ct);

    /// <summary>The attachment's description is this form's <see cref="AttachmentDescription"/>.</summary>
    protected override string FieldFor(string domainField) => domainField == nameof(IncidentAttachment.Description) ? nameof(AttachmentDescription) : domainField;

    protected override async Task OnLoadedAsync(CancellationToken ct)
    {
        Supporting = await Incidents.SupportingInformationAsync(Incident, CanSeeSubject, ct);
        Attachments = HateIncidentService.VisibleAttachments(Incident, Role, Policy);
        // The list names and describes each file about the subject; the rationale and the same-subject links are theirs too.
        await Incidents.RecordSubjectDataShownAsync(Incident, "incident", new SubjectDataShown(
            SubjectFiles: Attachments.Count(a => a.AboutSubject),
            Rationale: Incident.PersonalDataRationale is not null && CanSeeSubject,
            SameSubjectIncidents: Supporting.SameSubject?.Count ?? 0), Actor(), ct);
    }
}
