using Notify.Client;

namespace Evenhand.MyWork;

/// <summary>
/// Settings for GOV.UK Notify (section <c>Reminders:Notify</c>): the API key and one template per kind of email. Each template
/// is an email template whose subject is <c>((subject))</c> and whose body is <c>((body))</c>: Evenhand writes both.
/// </summary>
public sealed class NotifyOptions
{
    public string? ApiKey { get; set; }
    public string? DigestTemplateId { get; set; }
    public string? AssignedTemplateId { get; set; }

    public bool Configured => !string.IsNullOrWhiteSpace(ApiKey);
}

/// <summary>Sends through GOV.UK Notify's API (the GovukNotify client). Used only when an API key is configured.</summary>
public sealed class GovukNotifySender(NotifyOptions options) : IEmailSender
{
    private readonly NotificationClient client = new(options.ApiKey ?? throw new InvalidOperationException("Reminders:Notify:ApiKey is not set."));

    public string Name => "govuk-notify";

    public async Task<string?> SendAsync(OutboxEmail email, CancellationToken ct = default)
    {
        var template = email.Kind == OutboxEmail.DigestKind ? options.DigestTemplateId : options.AssignedTemplateId;
        if (string.IsNullOrWhiteSpace(template))
        {
            throw new InvalidOperationException($"No GOV.UK Notify template is configured for '{email.Kind}' emails (Reminders:Notify:{(email.Kind == OutboxEmail.DigestKind ? "DigestTemplateId" : "AssignedTemplateId")}).");
        }

        var response = await client.SendEmailAsync(email.To, template,
            new Dictionary<string, dynamic> { ["subject"] = email.Subject, ["body"] = email.Body }, clientReference: $"evenhand-{email.Id}");
        return response.id;
    }
}
