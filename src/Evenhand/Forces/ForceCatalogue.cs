namespace Evenhand.Forces;

/// <summary>
/// The 43 territorial forces of England and Wales and their local policing bodies, as they stood when the
/// report was published (September 2024): mayors had taken on PCC functions in Greater Manchester, West Yorkshire,
/// South Yorkshire, York and North Yorkshire, and London (MOPAC); the City of London has a police authority.
/// </summary>
public static class ForceCatalogue
{
    private const LocalPolicingBodyType Pcc = LocalPolicingBodyType.PoliceAndCrimeCommissioner;
    private const LocalPolicingBodyType Pfcc = LocalPolicingBodyType.PoliceFireAndCrimeCommissioner;
    private const LocalPolicingBodyType Mayor = LocalPolicingBodyType.Mayor;

    public static IReadOnlyList<Force> All { get; } =
    [
        E("avon-and-somerset", "Avon and Somerset Police", "Avon and Somerset", Pcc),
        E("bedfordshire", "Bedfordshire Police", "Bedfordshire", Pcc),
        E("cambridgeshire", "Cambridgeshire Constabulary", "Cambridgeshire", Pcc, "Police and Crime Commissioner for Cambridgeshire and Peterborough"),
        E("cheshire", "Cheshire Constabulary", "Cheshire", Pcc),
        E("city-of-london", "City of London Police", "City of London", LocalPolicingBodyType.PoliceAuthority, "City of London Police Authority (Court of Common Council)"),
        E("cleveland", "Cleveland Police", "Cleveland", Pcc),
        E("cumbria", "Cumbria Constabulary", "Cumbria", Pfcc),
        E("derbyshire", "Derbyshire Constabulary", "Derbyshire", Pcc),
        E("devon-and-cornwall", "Devon and Cornwall Police", "Devon and Cornwall", Pcc, "Police and Crime Commissioner for Devon, Cornwall and the Isles of Scilly"),
        E("dorset", "Dorset Police", "Dorset", Pcc),
        E("durham", "Durham Constabulary", "Durham", Pcc, "Durham Police, Crime and Victims' Commissioner"),
        W("dyfed-powys", "Dyfed-Powys Police", "Dyfed-Powys", Pcc),
        E("essex", "Essex Police", "Essex", Pfcc, "Police, Fire and Crime Commissioner for Essex"),
        E("gloucestershire", "Gloucestershire Constabulary", "Gloucestershire", Pcc),
        E("greater-manchester", "Greater Manchester Police", "Greater Manchester", Mayor, "Mayor of Greater Manchester"),
        W("gwent", "Gwent Police", "Gwent", Pcc),
        E("hampshire-and-isle-of-wight", "Hampshire and Isle of Wight Constabulary", "Hampshire and Isle of Wight", Pcc),
        E("hertfordshire", "Hertfordshire Constabulary", "Hertfordshire", Pcc),
        E("humberside", "Humberside Police", "Humberside", Pcc),
        E("kent", "Kent Police", "Kent", Pcc),
        E("lancashire", "Lancashire Constabulary", "Lancashire", Pcc),
        E("leicestershire", "Leicestershire Police", "Leicestershire", Pcc),
        E("lincolnshire", "Lincolnshire Police", "Lincolnshire", Pcc),
        E("merseyside", "Merseyside Police", "Merseyside", Pcc),
        E("metropolitan", "Metropolitan Police Service", "Metropolitan", Mayor, "Mayor's Office for Policing and Crime (Mayor of London)"),
        E("norfolk", "Norfolk Constabulary", "Norfolk", Pcc),
        W("north-wales", "North Wales Police", "North Wales", Pcc),
        E("north-yorkshire", "North Yorkshire Police", "North Yorkshire", Mayor, "Mayor of York and North Yorkshire"),
        E("northamptonshire", "Northamptonshire Police", "Northamptonshire", Pfcc, "Police, Fire and Crime Commissioner for Northamptonshire"),
        E("northumbria", "Northumbria Police", "Northumbria", Pcc),
        E("nottinghamshire", "Nottinghamshire Police", "Nottinghamshire", Pcc),
        W("south-wales", "South Wales Police", "South Wales", Pcc),
        E("south-yorkshire", "South Yorkshire Police", "South Yorkshire", Mayor, "Mayor of South Yorkshire"),
        E("staffordshire", "Staffordshire Police", "Staffordshire", Pfcc, "Staffordshire Commissioner for Police, Fire and Rescue and Crime"),
        E("suffolk", "Suffolk Constabulary", "Suffolk", Pcc),
        E("surrey", "Surrey Police", "Surrey", Pcc),
        E("sussex", "Sussex Police", "Sussex", Pcc),
        E("thames-valley", "Thames Valley Police", "Thames Valley", Pcc),
        E("warwickshire", "Warwickshire Police", "Warwickshire", Pcc),
        E("west-mercia", "West Mercia Police", "West Mercia", Pcc),
        E("west-midlands", "West Midlands Police", "West Midlands", Pcc),
        E("west-yorkshire", "West Yorkshire Police", "West Yorkshire", Mayor, "Mayor of West Yorkshire"),
        E("wiltshire", "Wiltshire Police", "Wiltshire", Pcc, "Police and Crime Commissioner for Wiltshire and Swindon"),
    ];

    public static Force? FindBySlug(string slug) =>
        All.FirstOrDefault(f => string.Equals(f.Slug, slug, StringComparison.OrdinalIgnoreCase));

    private static Force E(string slug, string name, string shortName, LocalPolicingBodyType type, string? body = null) =>
        Create(slug, name, shortName, type, body, "England");

    private static Force W(string slug, string name, string shortName, LocalPolicingBodyType type, string? body = null) =>
        Create(slug, name, shortName, type, body, "Wales");

    private static Force Create(string slug, string name, string shortName, LocalPolicingBodyType type, string? body, string country) => new()
    {
        Id = 0,
        Slug = slug,
        Name = name,
        ShortName = shortName,
        LocalPolicingBodyType = type,
        LocalPolicingBody = body ?? type switch
        {
            LocalPolicingBodyType.PoliceFireAndCrimeCommissioner => $"Police, Fire and Crime Commissioner for {shortName}",
            _ => $"Police and Crime Commissioner for {shortName}",
        },
        Country = country,
    };
}
