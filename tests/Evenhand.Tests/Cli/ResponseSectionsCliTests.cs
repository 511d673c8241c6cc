using Evenhand.Tests.Importing;
using Evenhand.Tests.Infrastructure;
using Evenhand.Tests.Responses.Parsing;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Cli;

/// <summary>`parse response` and `import response` with the comment sections and the refusal of another inspection's response.</summary>
public sealed class ResponseSectionsCliTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_db.Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task ParseResponse_Json_Hampshire_CarriesTheCommissionersAndTheChiefOfficersComments()
    {
        var run = await CliHarness.RunAsync("parse", "response", Seeds.PathOf("pcc-response-hampshire-and-isle-of-wight.txt"), "--inspection", CliHarness.Report, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var root = run.Json();
        Assert.StartsWith("We welcome the HMICFRS", root.GetProperty("bodyComments").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Hampshire and Isle of Wight Constabulary recognise", root.GetProperty("chiefOfficerComments").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, root.GetProperty("responseToChiefOfficer").ValueKind);
        Assert.Equal(9, root.GetProperty("responses").GetArrayLength());
    }

    [Fact]
    public async Task ParseResponse_Human_ShowsTheCommentSectionsFound()
    {
        var run = await CliHarness.RunAsync("parse", "response", Seeds.PathOf("pcc-response-cheshire.txt"), "--inspection", CliHarness.Report);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Commissioner's comments: The principle of police impartiality is essential", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".docx")]
    [InlineData(".pdf")]
    public async Task ParseResponse_ResponseToAnotherInspection_ExitsNonZero_SayingWhichItSeemsToAnswer(string format)
    {
        var path = Write("kent" + format, DocumentTextTests.Convert(OtherInspectionTests.PeelResponse, format));

        var run = await CliHarness.RunAsync("parse", "response", path, "--inspection", CliHarness.Report, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"'kent{format}' seems to answer another inspection: it names 'PEEL 2023-2025: an inspection of Kent Police'", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task ImportResponse_ResponseToAnotherInspection_ExitsNonZero_AndStoresNothing()
    {
        var report = await CliHarness.RunAsync(_db.With("import", "report", CliHarness.Report, "--published", "2024-09-10", "--yes", "--json"));
        Assert.True(report.ExitCode == 0, report.ToString());
        var path = Write("kent.docx", DocumentTextTests.Convert(OtherInspectionTests.PeelResponse, ".docx"));

        var run = await CliHarness.RunAsync(_db.With("import", "response", path, "--force", "kent", "--inspection", "1", "--yes", "--json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("seems to answer another inspection", run.Error, StringComparison.Ordinal);
        Assert.Contains("'An inspection into activism and impartiality in policing'", run.Error, StringComparison.Ordinal);
        await using var db = _db.Open();
        Assert.Equal(0, await db.Section55Responses.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.EntityType == "Section55Response"));
    }

    [Fact]
    public async Task ImportResponse_Json_SaysWhichCommentPartsWereFilled_AndStoresThem()
    {
        var report = await CliHarness.RunAsync(_db.With("import", "report", CliHarness.Report, "--published", "2024-09-10", "--yes", "--json"));
        Assert.True(report.ExitCode == 0, report.ToString());

        var run = await CliHarness.RunAsync(_db.With(
            "import", "response", Seeds.PathOf("pcc-response-hampshire-and-isle-of-wight.txt"), "--force", "hampshire-and-isle-of-wight", "--inspection", "1", "--yes", "--json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["PccComments", "ChiefOfficerComments"], run.Json().GetProperty("commentsFilled").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(run.Json().GetProperty("warnings").EnumerateArray());
        await using var db = _db.Open();
        var stored = await db.Section55Responses.SingleAsync();
        Assert.StartsWith("We welcome the HMICFRS", stored.PccComments, StringComparison.Ordinal);
        Assert.StartsWith("Hampshire and Isle of Wight Constabulary recognise", stored.ChiefOfficerComments, StringComparison.Ordinal);
    }
}
