namespace Evenhand.SocialMedia.Synthetic;

/// <summary>An outside (non-police) account whose posts police accounts repost. The organisations are invented.</summary>
internal sealed record ExternalAuthor(string Handle, long Followers, int Category, int Topic);

internal static class SynthExternal
{
    public static readonly ExternalAuthor[] Operational =
    [
        new("@MissingPeopleHelp", 190_000, SynthTemplates.Appeals, -1),
        new("@CrimeLineUK", 120_000, SynthTemplates.Appeals, -1),
        new("@LocalNewsNow", 85_000, SynthTemplates.Appeals, -1),
        new("@CrimeLineUK", 120_000, SynthTemplates.Witnesses, -1),
        new("@CountyEveningPost", 60_000, SynthTemplates.Witnesses, -1),
        new("@RoadsAgencyUK", 300_000, SynthTemplates.RoadClosures, -1),
        new("@TrafficWatchUK", 40_000, SynthTemplates.RoadClosures, -1),
        new("@RailUpdatesUK", 150_000, SynthTemplates.RoadClosures, -1),
        new("@FraudAwareUK", 110_000, SynthTemplates.CrimePrevention, -1),
        new("@CyberSafeUK", 80_000, SynthTemplates.CrimePrevention, -1),
        new("@NeighbourWatchUK", 60_000, SynthTemplates.CrimePrevention, -1),
        new("@WaterSafetyUK", 25_000, SynthTemplates.CrimePrevention, -1),
        new("@NationalCrimeUnit", 250_000, SynthTemplates.Arrests, -1),
        new("@ProsecutionsUK", 60_000, SynthTemplates.Arrests, -1),
        new("@PolicingCareersUK", 40_000, SynthTemplates.Recruitment, -1),
        new("@PolicingCollegeUK", 90_000, SynthTemplates.Recruitment, -1),
        new("@YouthCadetsUK", 15_000, SynthTemplates.Recruitment, -1),
    ];

    public static readonly ExternalAuthor[] Topics =
    [
        new("@PrideAllianceUK", 400_000, -1, SynthTemplates.Gender),
        new("@TransSupportUK", 120_000, -1, SynthTemplates.Gender),
        new("@LGBTYouthCharity", 60_000, -1, SynthTemplates.Gender),
        new("@RaceEqualityTrust", 150_000, -1, SynthTemplates.Race),
        new("@AntiRacismNow", 90_000, -1, SynthTemplates.Race),
        new("@BlackHistoryUK", 200_000, -1, SynthTemplates.Race),
        new("@ClimateActionNow", 300_000, -1, SynthTemplates.Climate),
        new("@GreenFutureUK", 80_000, -1, SynthTemplates.Climate),
    ];

    public static readonly ExternalAuthor[][] ByCategory = [.. Enumerable.Range(0, SynthTemplates.CategoryCount).Select(c => Operational.Where(a => a.Category == c).ToArray())];

    public static readonly ExternalAuthor[][] ByTopic = [.. Enumerable.Range(0, SynthTemplates.TopicCount).Select(t => Topics.Where(a => a.Topic == t).ToArray())];
}
