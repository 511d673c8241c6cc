using Evenhand.Common;
using Evenhand.Data;
using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Rules;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Infrastructure;

/// <summary>
/// Records a test needs, made through the product's own services (so each is one the workflow could have produced, with its
/// audit trail), described by a builder: <c>await TestData.CreateIncidentAsync(app, "cleveland", b => b.WithSubject("A Person"))</c>.
/// One file per feature (<c>TestData.&lt;Feature&gt;.cs</c>).
/// </summary>
public static partial class TestData
{
    /// <summary>A hate-related report in <paramref name="forceSlug"/>, recorded (and assessed, reviewed…) as <paramref name="build"/> says.</summary>
    public static async Task<HateIncident> CreateIncidentAsync(EvenhandApp app, string forceSlug, Action<IncidentBuilder>? build = null)
    {
        await using var db = app.CreateDbContext();
        return await CreateIncidentAsync(db, forceSlug, build);
    }

    /// <inheritdoc cref="CreateIncidentAsync(EvenhandApp, string, Action{IncidentBuilder}?)"/>
    public static async Task<HateIncident> CreateIncidentAsync(EvenhandDbContext db, string forceSlug, Action<IncidentBuilder>? build = null, CancellationToken ct = default)
    {
        var forceId = await db.Forces.Where(f => f.Slug == forceSlug).Select(f => f.Id).SingleAsync(ct);
        return await CreateIncidentAsync(db, forceId, build, ct);
    }

    /// <inheritdoc cref="CreateIncidentAsync(EvenhandApp, string, Action{IncidentBuilder}?)"/>
    public static async Task<HateIncident> CreateIncidentAsync(EvenhandDbContext db, int forceId, Action<IncidentBuilder>? build = null, CancellationToken ct = default)
    {
        var b = new IncidentBuilder();
        build?.Invoke(b);
        var service = new HateIncidentService(db, new HatePolicyService(db));
        var ctx = b.Context();
        var incident = await service.RecordAsync(forceId, new RecordIncidentOptions(b.Report(ctx.Now), b.Reference,
            b.Complainant is null ? null : new PersonDetails(b.Complainant, null, null, "07700 900123", null)), b.Role, ctx, ct);

        if (b.Answers is { } answers)
        {
            incident = await service.AssessAsync(forceId, incident.Id, new AssessIncidentOptions(incident.Version, answers, b.Rationale), b.Role, ctx, ct);
        }

        foreach (var subject in b.Subjects)
        {
            incident = await service.AddPersonAsync(forceId, incident.Id, new AddPersonOptions(incident.Version, PersonRole.Subject, subject), b.Role, ctx, ct);
        }

        if (b.Review is { } outcome)
        {
            incident = await service.ReviewAsync(forceId, incident.Id,
                new ReviewOptions(incident.Version, new ReviewDecision(outcome, null, false, "Confirmed", null), false, null), IncidentStaffRole.Specialist, ctx, ct);
        }

        return incident;
    }

    /// <summary>
    /// The same incident made in memory by the domain's own methods, under the default policy and rule set, and not stored:
    /// for rules tested without a database, and for rows a test adds itself at exact times (<see cref="IncidentBuilder.RecordedAt"/>).
    /// </summary>
    public static HateIncident NewIncident(int forceId, string reference, Action<IncidentBuilder>? build = null)
    {
        var b = new IncidentBuilder();
        build?.Invoke(b);
        var rules = RuleSetRegistry.Default;
        var policy = ForceHatePolicy.Default(forceId);
        var ctx = b.Context();
        var incident = HateIncident.Record(forceId, b.Reference ?? reference, b.Report(ctx.Now), rules.ParticularCharacteristics, ctx);
        if (b.Complainant is not null)
        {
            incident.AddPerson(PersonRole.Complainant, new PersonDetails(b.Complainant, null, null, "07700 900123", null), b.Role, policy, ctx);
        }

        if (b.Answers is { } answers)
        {
            incident.Assess(answers, rules.Assess(answers), b.Rationale, b.Role, policy, ctx);
        }

        foreach (var subject in b.Subjects)
        {
            incident.AddPerson(PersonRole.Subject, subject, b.Role, policy, ctx);
        }

        if (b.Review is { } outcome)
        {
            incident.CompleteReview(new ReviewDecision(outcome, null, false, "Confirmed", null), IncidentStaffRole.Specialist, policy, ctx);
        }

        return incident;
    }
}

/// <summary>
/// What <see cref="TestData.CreateIncidentAsync(EvenhandDbContext, int, Action{IncidentBuilder}?, CancellationToken)"/> and
/// <see cref="TestData.NewIncident"/> make. By default:
/// a phone report of religious abuse in the street two hours ago, recorded by a specialist a moment ago, not yet assessed.
/// </summary>
public sealed class IncidentBuilder
{
    internal DateTimeOffset? At { get; private set; }
    internal DateTimeOffset? OccurredAt { get; private set; }
    internal ReportChannel Channel { get; private set; } = ReportChannel.Phone;
    internal string Area { get; private set; } = "Test ward";
    internal string? Location { get; private set; } = "street";
    internal string Circumstances { get; private set; } = "Shouted abuse in the street.";
    internal string[] Characteristics { get; private set; } = ["religion"];
    internal bool ImmediateRisk { get; private set; }
    internal bool SafeguardingConcern { get; private set; }
    internal string? Reference { get; private set; }
    internal string? Complainant { get; private set; }
    internal IncidentStaffRole Role { get; private set; } = IncidentStaffRole.Specialist;
    internal (bool Crime, bool Risk)? Assessment { get; private set; }

    /// <summary>The assessment's answers, for the characteristics the report ends up with (whatever order the builder was called in).</summary>
    internal AssessmentAnswers? Answers => Assessment is { } a
        ? new AssessmentAnswers(Characteristics, true, a.Crime, false, false, false, a.Risk, false, false) { BasisToConcludeIntentionalHostility = true }
        : null;
    internal string? Rationale { get; private set; }
    internal List<PersonDetails> Subjects { get; } = [];
    internal AssessmentOutcome? Review { get; private set; }

    internal ProcessContext Context() => new("test", $"Test {Role}", At ?? TestClock.Now);

    /// <summary>The report as the call taker took it: five minutes before it was recorded.</summary>
    internal IncidentReport Report(DateTimeOffset recordedAt) => new(recordedAt.AddMinutes(-5), Channel, OccurredAt ?? recordedAt.AddHours(-2), Area, Location,
        Circumstances, Characteristics, PerceivedBy.Complainant, ImmediateRisk, SafeguardingConcern);

    /// <summary>Recorded (and assessed, reviewed) at <paramref name="at"/> rather than now.</summary>
    public IncidentBuilder RecordedAt(DateTimeOffset at)
    {
        At = at;
        return this;
    }

    public IncidentBuilder Occurred(DateTimeOffset at)
    {
        OccurredAt = at;
        return this;
    }

    public IncidentBuilder RecordedBy(IncidentStaffRole role)
    {
        Role = role;
        return this;
    }

    public IncidentBuilder WithReference(string reference)
    {
        Reference = reference;
        return this;
    }

    public IncidentBuilder Reported(string area, string? location, string circumstances, params string[] characteristics)
    {
        Area = area;
        Location = location;
        Circumstances = circumstances;
        if (characteristics.Length > 0)
        {
            Characteristics = characteristics;
        }

        return this;
    }

    public IncidentBuilder WithSafeguardingConcern()
    {
        SafeguardingConcern = true;
        return this;
    }

    public IncidentBuilder WithComplainant(string name)
    {
        Complainant = name;
        return this;
    }

    /// <summary>
    /// Assessed with the Code's questions: perceived hostility with a basis to conclude it was intentional, not trivial; a
    /// crime (<paramref name="crime"/>) or an NCHI, with a real risk of significant harm (<paramref name="risk"/>, which lets
    /// the subject's personal data be recorded) and the rationale for recording it.
    /// </summary>
    public IncidentBuilder Assessed(bool crime = false, bool risk = false, string? rationale = null)
    {
        Assessment = (crime, risk);
        Rationale = risk ? rationale ?? "Repeated threats to the same family" : rationale;
        return this;
    }

    /// <summary>A hate crime (assessed so), which the Code's NCHI work lists never hold.</summary>
    public IncidentBuilder AsHateCrime() => Assessed(crime: true);

    /// <summary>
    /// The subject's personal data, recorded after the assessment; assessed as an NCHI with a real risk of significant harm
    /// (the threshold for recording it) unless assessed otherwise already.
    /// </summary>
    public IncidentBuilder WithSubject(string name, DateOnly? dateOfBirth = null, string? address = null, string? contact = null, string? description = null)
    {
        if (Assessment is null)
        {
            Assessed(risk: true);
        }

        Subjects.Add(new PersonDetails(name, dateOfBirth, address, contact, description));
        return this;
    }

    /// <summary>Reviewed by a specialist, who confirms <paramref name="outcome"/>.</summary>
    public IncidentBuilder Reviewed(AssessmentOutcome outcome)
    {
        Review = outcome;
        return this;
    }
}
