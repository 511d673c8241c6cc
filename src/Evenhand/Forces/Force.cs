namespace Evenhand.Forces;

/// <summary>The body that holds a force's chief officer to account (Police Reform and Social Responsibility Act 2011).</summary>
public enum LocalPolicingBodyType
{
    PoliceAndCrimeCommissioner,
    PoliceFireAndCrimeCommissioner,
    Mayor,
    PoliceAuthority,
}

/// <summary>One of the 43 territorial police forces of England and Wales. Reference data: seeded, not edited by users.</summary>
public sealed class Force
{
    public int Id { get; set; }

    /// <summary>Stable URL identifier, e.g. <c>west-midlands</c>. Never changes once published.</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }

    /// <summary>The short place name used in prose ("Cheshire"), which responses use to refer to the force.</summary>
    public required string ShortName { get; set; }

    public LocalPolicingBodyType LocalPolicingBodyType { get; set; }

    public required string LocalPolicingBody { get; set; }

    public required string Country { get; set; }
}
