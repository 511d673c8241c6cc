using Evenhand.MyWork;

namespace Evenhand.Tests.MyWork;

/// <summary>The GOV.UK Notify sender is built from configuration and refuses, without any network, an email it has no template for.</summary>
public sealed class GovukNotifySenderTests
{
    private const string Key = "evenhand_test-11111111-2222-3333-4444-555555555555-66666666-7777-8888-9999-000000000000";

    [Fact]
    public async Task SendAsync_WithoutATemplateForTheKind_FailsNamingTheSetting()
    {
        var sender = new GovukNotifySender(new NotifyOptions { ApiKey = Key, DigestTemplateId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" });
        var email = new OutboxEmail { UserId = "u", Kind = OutboxEmail.AssignedKind, Key = "action:1", To = "a@b.test", Subject = "S", Body = "B" };

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => sender.SendAsync(email));
        Assert.Contains("Reminders:Notify:AssignedTemplateId", e.Message, StringComparison.Ordinal);
        Assert.Equal("govuk-notify", sender.Name);
    }

    [Fact]
    public void Configured_OnlyWithAKey()
    {
        Assert.False(new NotifyOptions().Configured);
        Assert.False(new NotifyOptions { ApiKey = " " }.Configured);
        Assert.True(new NotifyOptions { ApiKey = Key }.Configured);
    }
}
