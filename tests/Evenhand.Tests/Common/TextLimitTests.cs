using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using Evenhand.Common;
using Evenhand.Governance;
using Evenhand.Tests.Infrastructure;

namespace Evenhand.Tests.Common;

/// <summary>
/// A limit on text a user enters is declared once, <c>[MaxLength]</c> on the entity (issue 14), and the mapping, the domain's
/// refusal and the form's <c>maxlength</c> all read that declaration: change the number in one place and all three follow.
/// </summary>
public sealed partial class TextLimitTests
{
    [Fact]
    public void EveryDeclaredLimit_IsTheColumnsLimitInTheModel()
    {
        using var database = TestDatabases.Create(TestDatabases.Sqlite);
        using var db = database.CreateContext();
        var declared = typeof(TextLimit).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.GetCustomAttribute<MaxLengthAttribute>() is not null)
                .Select(p => (Type: t, Property: p, Limit: p.GetCustomAttribute<MaxLengthAttribute>()!.Length)))
            .ToList();

        Assert.True(declared.Count >= 25, $"Only {declared.Count} declared limits found.");
        foreach (var (type, property, limit) in declared)
        {
            var column = db.Model.FindEntityType(type)?.FindProperty(property.Name);
            Assert.True(column is not null, $"{type.Name}.{property.Name} declares a limit but is not mapped.");
            Assert.Equal((type.Name, property.Name, limit), (type.Name, property.Name, column!.GetMaxLength()));
        }
    }

    [Fact]
    public void TheDomainRefusesAtTheDeclaredLimit_InTheSameRoundAsItsOtherRules()
    {
        var limit = TextLimit.Of<AdvisoryGroup>(nameof(AdvisoryGroup.Chair));
        var today = new DateOnly(2026, 12, 4);
        var atLimit = new AdvisoryGroupDetails("Independent advisory group", AdvisoryGroupType.IndependentAdvisoryGroup, today, new string('c', limit), ChairKind.Independent, null);
        Assert.Equal(limit, AdvisoryGroup.Create(1, atLimit, today).Chair.Length);

        var e = Assert.Throws<DomainRuleException>(() => AdvisoryGroup.Create(1, atLimit with { Name = null, Chair = new string('c', limit + 1) }, today));
        Assert.Equal(
            [new FieldError("Name", "Name the group."), new FieldError("Chair", $"The chair's name must be {limit:N0} characters or fewer (this is {limit + 1:N0}).")],
            e.Errors);
    }

    [Fact]
    public void NoPageOrDomainRule_WritesALimitAsANumber()
    {
        var written = TestPaths.MatchingLines(
            TestPaths.SourceFiles("src", ".cshtml", ".cs"),
            text => NumericMaxLength().IsMatch(text) || NumericLimitMessage().IsMatch(text));

        Assert.Empty(written);
    }

    [GeneratedRegex("maxlength=\"\\d", RegexOptions.IgnoreCase)]
    private static partial Regex NumericMaxLength();

    [GeneratedRegex("\"[^\"]*\\b\\d[\\d,]* characters or fewer")]
    private static partial Regex NumericLimitMessage();
}
