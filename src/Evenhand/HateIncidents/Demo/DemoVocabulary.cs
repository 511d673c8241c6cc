namespace Evenhand.HateIncidents.Demo;

/// <summary>Words for the synthetic demo incidents: wards, places, invented names and circumstances (no real people or events).</summary>
internal static class DemoVocabulary
{
    public enum Kind
    {
        Crime,
        Incident,
        Trivial,
        School,
        Expression,
    }

    public static IReadOnlyList<string> DefaultAreas { get; } =
        ["Central", "North", "South", "East", "West", "Riverside", "Parkside", "Hillside", "Old Town", "Station Quarter"];

    public static IReadOnlyList<string> CheshireAreas { get; } =
        ["Crewe Central", "Chester City", "Warrington Bewsey and Whitecross", "Macclesfield Central", "Ellesmere Port Town",
         "Widnes Central", "Runcorn Mersey", "Northwich Witton", "Winsford Over", "Congleton East", "Nantwich North", "Wilmslow East"];

    public static IReadOnlyList<string> ClevelandAreas { get; } =
        ["Middlesbrough Central", "Newport", "North Ormesby", "Stockton Town Centre", "Hartlepool Victoria", "Redcar",
         "Thornaby", "Billingham Central", "Guisborough", "Saltburn", "Linthorpe", "Ingleby Barwick"];

    public static IReadOnlyList<string> HampshireAreas { get; } =
        ["Southampton Bargate", "Portsmouth Charles Dickens", "Basingstoke Brookvale", "Winchester St Bartholomew", "Newport (Isle of Wight)",
         "Aldershot Wellington", "Eastleigh Central", "Havant Bondfields", "Fareham East", "Andover St Mary's", "Gosport Town", "Ryde East"];

    public static IReadOnlyList<string> WestMidlandsAreas { get; } =
        ["Birmingham Ladywood", "Birmingham Sparkbrook", "Coventry St Michael's", "Wolverhampton St Peter's", "Walsall St Matthew's",
         "Dudley Castle and Priory", "West Bromwich Central", "Solihull Lyndon", "Handsworth Wood", "Erdington", "Smethwick", "Sutton Vesey"];

    public static IReadOnlyList<string> Locations { get; } =
        ["Bus station", "High street", "Supermarket", "Supermarket car park", "Railway station", "Park", "Block of flats",
         "Takeaway", "Pub", "Nightclub queue", "Place of worship car park", "Bus stop", "Shopping centre", "Taxi rank",
         "Leisure centre", "GP surgery", "Residential street", "Online (social media)", "Workplace", "Corner shop"];

    private static readonly string[] FirstNames =
        ["Amira", "Ben", "Chen", "Dana", "Emeka", "Fatima", "Gareth", "Hana", "Imran", "Jade", "Kwame", "Leah", "Marek", "Nia",
         "Oluwaseun", "Priya", "Rory", "Sana", "Tomasz", "Una", "Viktor", "Wen", "Yusuf", "Zara", "Aled", "Bilal", "Ciara", "Deepak"];

    private static readonly string[] Surnames =
        ["Adeyemi", "Brennan", "Chowdhury", "Davies", "Ekwueme", "Fairclough", "Ghosh", "Hughes", "Iqbal", "Jones", "Kowalski",
         "Lomax", "Mensah", "Nowak", "Okafor", "Patel", "Quinn", "Rahman", "Sandhu", "Thompson", "Umar", "Varga", "Whitfield", "Yildiz"];

    public static string PersonName(Random rng) => $"{FirstNames[rng.Next(FirstNames.Length)]} {Surnames[rng.Next(Surnames.Length)]} (invented)";

    private static readonly Dictionary<string, string> Group = new()
    {
        ["race"] = "ethnicity",
        ["religion"] = "religion",
        ["disability"] = "disability",
        ["sexual-orientation"] = "sexual orientation",
        ["transgender-identity"] = "transgender identity",
        ["sex"] = "sex",
    };

    private static readonly string[] CrimeTemplates =
    [
        "The complainant was pushed and threatened by a man who made abusive remarks about their {0} at the {1}.",
        "Graffiti targeting people because of their {0} was sprayed on the complainant's door; the {1} has been targeted before.",
        "A group followed the complainant from the {1}, shouting threats and insults about their {0}; one threw a bottle.",
        "The complainant received repeated threatening messages referring to their {0} after an argument at the {1}.",
        "A customer at the {1} spat at a member of staff and used abusive language about their {0}.",
    ];

    private static readonly string[] IncidentTemplates =
    [
        "The complainant overheard a stranger at the {1} making offensive remarks about people of their {0}; nothing was directed at them and no offence is disclosed.",
        "A neighbour makes comments about the complainant's {0} when they meet at the {1}; the complainant is upset and wants it on record.",
        "Leaflets disparaging people because of their {0} were left at the {1}; no threats and no offence identified.",
        "A witness reports a man at the {1} muttering remarks about a passer-by's {0}; the passer-by left before police were called.",
        "The complainant says they were ignored and then laughed at by staff at the {1} and believes it was because of their {0}.",
    ];

    private static readonly string[] TrivialTemplates =
    [
        "The complainant feels staff at the {1} served other customers first and believes this was because of their {0}; the staff say it was a queueing system.",
        "The complainant reports that a driver at the {1} did not wait for them and believes it was because of their {0}.",
        "The complainant says a neighbour's new fence at the {1} was built to annoy them because of their {0}; no words or other acts are described.",
    ];

    private static readonly string[] SchoolTemplates =
    [
        "A parent reports that a Year 5 pupil called their child a name referring to {0} in the playground; the school is dealing with it.",
        "A teacher reports name-calling about {0} between two Year 7 pupils in a school corridor; the school has spoken to both families.",
    ];

    private static readonly string[] ExpressionTemplates =
    [
        "A speaker at a lawful meeting near the {1} expressed views on {0} that the complainant found offensive; no threats or abuse.",
        "A post by a local councillor about {0} policy, shared widely, offended the complainant; it contains no threats or abuse.",
        "A comedian's set at a venue by the {1} included jokes about {0} that the complainant found offensive.",
    ];

    public static string Circumstances(Random rng, Kind kind, string characteristic, string location)
    {
        var templates = kind switch
        {
            Kind.Crime => CrimeTemplates,
            Kind.Trivial => TrivialTemplates,
            Kind.School => SchoolTemplates,
            Kind.Expression => ExpressionTemplates,
            _ => IncidentTemplates,
        };
        var words = Group.GetValueOrDefault(characteristic, characteristic.Replace('-', ' '));
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, templates[rng.Next(templates.Length)], words, location.ToLowerInvariant());
    }

    public static IReadOnlyList<string> PersonalDataRationales { get; } =
    [
        "Third report in six weeks naming the same subject, with escalating behaviour towards the same family: a real risk of a future offence.",
        "The subject has made threats to return; the complainant is vulnerable. Real risk of significant harm to the complainant and their household.",
        "Intelligence links the subject to earlier targeting of the same group at this location: real risk of a future criminal offence.",
    ];

    public static PlaneDecision PlaneDeploy { get; } = new()
    {
        Proportionality = "Attendance is proportionate to the risk described.",
        Lawfulness = "Policing purpose: preventing harm; no interference with lawful expression.",
        Accountability = "Decision recorded with reasons on the incident.",
        Necessity = "Safeguarding needs cannot be met by phone.",
        Ethics = "Consistent with the Code of Ethics; treats complainant and subject fairly.",
    };

    public static PlaneDecision PlaneNoDeploy { get; } = new()
    {
        Proportionality = "Attendance would be disproportionate; advice given by phone.",
        Lawfulness = "No offence disclosed; no power or need to act further.",
        Accountability = "Decision recorded with reasons on the incident.",
        Necessity = "No risk requiring attendance.",
        Ethics = "Complainant's perception acknowledged without challenge; signposted to support.",
    };

    public const string BusCase =
        "Comment on a bus: the complainant says other passengers on the upper deck gave him \"funny looks\", which he believes were because of " +
        "his ethnic appearance. Nothing was said or done to him.";

    public const string BankCase =
        "Bank anti-money-laundering questions: the complainant tried to pay a large sum of cash into his account and staff asked where the money " +
        "came from, as they must ask every customer. He became angry and believes he was questioned because of his ethnicity.";

    public const string SchoolCase =
        "School-premises insult between ten-year-olds: a parent reports online that a ten-year-old made a racist insult to her ten-year-old son in " +
        "the playground. She is happy for the school to deal with it; the school is investigating and plans racism awareness sessions.";

    public const string SchoolErrorCase =
        "School-premises insult between ten-year-olds: a ten-year-old pupil racially insulted a classmate of the same age. Recorded by the " +
        "control room as a racially aggravated public order offence and officers were sent to the complainant's home, although the school was dealing with it.";

    public const string WheelchairCase =
        "Wheelchair question: the complainant, who has difficulty walking, was asked by a stranger why she was not using a wheelchair, and felt it was " +
        "because of her disability. Recorded as a public order offence and uniformed officers attended; no suspect was identified.";

    public const string PlacardCase =
        "Lawful placard: at a lawful protest a man displayed a placard about the conflict between Israel and Palestine. A passer-by felt it was hostile " +
        "to people of her religion. The placard contains no threat, abuse or incitement.";

    public const string NeighbourCase =
        "Repeated targeting of a neighbour: the complainant, a gay man, reports the fourth incident this year of a neighbour leaving notes and shouting " +
        "remarks about his sexual orientation, each worse than the last.";

    public const string OnlineCase =
        "Online post in a local social media group for the estate mocking the complainant's religion, with a photo of her front door.";
}
