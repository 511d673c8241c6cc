namespace Evenhand.SocialMedia.Synthetic;

/// <summary>The fixed word lists the generator draws from. All names of people and organisations are invented.</summary>
internal static class SynthWords
{
    /// <summary>Towns of each force, by slug (posts and account locations use the account's force's towns).</summary>
    public static readonly Dictionary<string, string[]> Towns = new(StringComparer.Ordinal)
    {
        ["avon-and-somerset"] = ["Bristol", "Bath", "Weston-super-Mare", "Taunton"],
        ["bedfordshire"] = ["Luton", "Bedford", "Dunstable", "Leighton Buzzard"],
        ["cambridgeshire"] = ["Cambridge", "Peterborough", "Huntingdon", "Ely"],
        ["cheshire"] = ["Chester", "Crewe", "Warrington", "Macclesfield"],
        ["city-of-london"] = ["Moorgate", "Aldgate", "Liverpool Street", "Bank"],
        ["cleveland"] = ["Middlesbrough", "Hartlepool", "Stockton", "Redcar"],
        ["cumbria"] = ["Carlisle", "Kendal", "Barrow", "Workington"],
        ["derbyshire"] = ["Derby", "Chesterfield", "Buxton", "Ilkeston"],
        ["devon-and-cornwall"] = ["Plymouth", "Exeter", "Truro", "Torquay"],
        ["dorset"] = ["Bournemouth", "Poole", "Weymouth", "Dorchester"],
        ["durham"] = ["Durham", "Darlington", "Consett", "Peterlee"],
        ["dyfed-powys"] = ["Carmarthen", "Aberystwyth", "Llanelli", "Brecon"],
        ["essex"] = ["Chelmsford", "Colchester", "Basildon", "Southend"],
        ["gloucestershire"] = ["Gloucester", "Cheltenham", "Stroud", "Tewkesbury"],
        ["greater-manchester"] = ["Manchester", "Salford", "Bolton", "Wigan", "Stockport", "Oldham"],
        ["gwent"] = ["Newport", "Cwmbran", "Abergavenny", "Ebbw Vale"],
        ["hampshire-and-isle-of-wight"] = ["Southampton", "Portsmouth", "Winchester", "Basingstoke", "Ryde"],
        ["hertfordshire"] = ["Watford", "St Albans", "Stevenage", "Hemel Hempstead"],
        ["humberside"] = ["Hull", "Grimsby", "Scunthorpe", "Bridlington"],
        ["kent"] = ["Maidstone", "Canterbury", "Dover", "Margate"],
        ["lancashire"] = ["Preston", "Blackpool", "Blackburn", "Lancaster"],
        ["leicestershire"] = ["Leicester", "Loughborough", "Hinckley", "Melton Mowbray"],
        ["lincolnshire"] = ["Lincoln", "Boston", "Grantham", "Skegness"],
        ["merseyside"] = ["Liverpool", "Birkenhead", "St Helens", "Southport"],
        ["metropolitan"] = ["Croydon", "Hackney", "Westminster", "Brixton", "Camden", "Tottenham"],
        ["norfolk"] = ["Norwich", "Great Yarmouth", "King's Lynn", "Thetford"],
        ["north-wales"] = ["Wrexham", "Bangor", "Rhyl", "Llandudno"],
        ["north-yorkshire"] = ["York", "Harrogate", "Scarborough", "Selby"],
        ["northamptonshire"] = ["Northampton", "Kettering", "Corby", "Wellingborough"],
        ["northumbria"] = ["Newcastle", "Sunderland", "Gateshead", "North Shields"],
        ["nottinghamshire"] = ["Nottingham", "Mansfield", "Worksop", "Newark"],
        ["south-wales"] = ["Cardiff", "Swansea", "Merthyr Tydfil", "Bridgend"],
        ["south-yorkshire"] = ["Sheffield", "Doncaster", "Rotherham", "Barnsley"],
        ["staffordshire"] = ["Stoke-on-Trent", "Stafford", "Burton", "Tamworth"],
        ["suffolk"] = ["Ipswich", "Bury St Edmunds", "Lowestoft", "Felixstowe"],
        ["surrey"] = ["Guildford", "Woking", "Epsom", "Staines"],
        ["sussex"] = ["Brighton", "Crawley", "Eastbourne", "Hastings"],
        ["thames-valley"] = ["Oxford", "Reading", "Milton Keynes", "Slough"],
        ["warwickshire"] = ["Warwick", "Nuneaton", "Rugby", "Leamington Spa"],
        ["west-mercia"] = ["Worcester", "Shrewsbury", "Hereford", "Telford"],
        ["west-midlands"] = ["Birmingham", "Coventry", "Wolverhampton", "Walsall"],
        ["west-yorkshire"] = ["Leeds", "Bradford", "Huddersfield", "Wakefield"],
        ["wiltshire"] = ["Swindon", "Salisbury", "Chippenham", "Trowbridge"],
    };

    /// <summary>Handle stems where the short name makes a poor handle; others are the short name without spaces or "and".</summary>
    public static readonly Dictionary<string, string> StemOverrides = new(StringComparer.Ordinal)
    {
        ["metropolitan"] = "Met",
        ["hampshire-and-isle-of-wight"] = "Hampshire",
        ["city-of-london"] = "CityOfLondon",
        ["greater-manchester"] = "GM",
    };

    /// <summary>Web domains where the slug without hyphens is not the force's domain.</summary>
    public static readonly Dictionary<string, string> DomainOverrides = new(StringComparer.Ordinal)
    {
        ["metropolitan"] = "met.police.uk",
        ["hampshire-and-isle-of-wight"] = "hampshire.police.uk",
        ["greater-manchester"] = "gmp.police.uk",
    };

    /// <summary>Relative numbers of accounts a force has beyond its main account (bigger forces run more).</summary>
    public static readonly Dictionary<string, double> ForceSize = new(StringComparer.Ordinal)
    {
        ["metropolitan"] = 3.0,
        ["greater-manchester"] = 2.0,
        ["west-midlands"] = 2.0,
        ["west-yorkshire"] = 1.6,
        ["thames-valley"] = 1.5,
        ["merseyside"] = 1.3,
        ["kent"] = 1.2,
        ["city-of-london"] = 0.6,
    };

    public static readonly string[] MaleFirstNames =
    [
        "James", "Mark", "David", "Paul", "Andrew", "Simon", "Chris", "Gareth", "Ian", "Richard", "Daniel", "Matthew", "Tom", "Lee",
        "Steve", "Rob", "Darren", "Owen", "Rhys", "Amir", "Kwame", "Liam", "Connor", "Jamal", "Ryan",
    ];

    public static readonly string[] FemaleFirstNames =
    [
        "Sarah", "Emma", "Rachel", "Claire", "Laura", "Helen", "Nicola", "Kirsty", "Joanne", "Amy", "Hannah", "Sophie", "Jess", "Kelly",
        "Gemma", "Zoe", "Natalie", "Ffion", "Priya", "Aisha", "Grace", "Chloe", "Megan", "Leah", "Lucy",
    ];

    public static readonly string[] FirstNames = [.. MaleFirstNames, .. FemaleFirstNames];

    public static readonly string[] Surnames =
    [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Robinson",
        "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel",
        "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker",
        "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young",
        "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller",
        "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Wilkinson", "Foster",
        "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali", "Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer",
        "Holmes", "Mills", "Barnes", "Knight", "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Murray",
        "Dixon", "Harvey", "Okafor", "Mensah", "Nowak", "Kowalski",
    ];

    public static readonly string[] Streets =
    [
        "High Street", "Station Road", "Church Lane", "Market Street", "Victoria Road", "London Road", "Park Avenue", "Mill Lane",
        "Queen Street", "King Street", "Bridge Street", "Manor Way", "Green Lane", "The Crescent", "Albert Road", "Moor Lane",
        "School Lane", "Castle Street", "Chapel Street", "New Road", "Springfield Road", "Oak Avenue", "Grange Road", "Westgate",
    ];

    public static readonly string[] Roads =
    [
        "M6", "M1", "M5", "M62", "M4", "M25", "M60", "M56", "M11", "M20", "M40", "M42", "A1", "A1(M)", "A30", "A38", "A14", "A303",
        "A55", "A49", "A556", "A483", "A34", "A19", "A47", "A64", "A66", "A12", "A2", "A5", "A46", "A580",
    ];

    public static readonly string[] Junctions =
    [
        "J4", "J7", "J9", "J10", "J12", "J15", "J16", "J18", "J19", "J21", "J24", "J26", "J28", "J30", "J33", "junction 2",
        "junction 5", "junction 11", "junction 14", "junction 20",
    ];

    public static readonly string[] Times =
    [
        "7.45am", "8am", "9.15am", "10.30am", "11am", "midday", "12.40pm", "1.30pm", "2.15pm", "3pm", "4.20pm", "5.45pm", "6.30pm",
        "7pm", "8.10pm", "9pm", "10.30pm", "11.15pm", "midnight", "12.30am", "1am", "2.45am", "3.30am", "5am",
    ];

    public static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    public static readonly string[] Clothing =
    [
        "wearing a dark hooded top and grey jogging bottoms", "wearing a black puffer jacket, jeans and white trainers",
        "wearing a red coat and black leggings", "wearing a navy school uniform", "wearing a green parka and a beanie hat",
        "wearing a blue tracksuit", "wearing a grey hoodie with a white logo", "wearing a beige mac and brown boots",
    ];

    public static readonly string[] Vehicles =
    [
        "silver Ford Focus", "black Audi A3", "white Ford Transit van", "blue BMW 3 Series", "red Vauxhall Corsa",
        "grey Nissan Qashqai", "black Range Rover", "white Mercedes Sprinter", "green Skoda Octavia", "yellow Renault Clio",
        "black Yamaha motorbike", "silver Toyota Prius",
    ];

    public static readonly string[] Offences =
    [
        "a robbery", "an assault", "a burglary", "a stabbing", "an attempted robbery", "a serious assault", "a theft from a vehicle",
        "criminal damage", "a sexual assault", "a shop theft", "an arson attack", "a hit and run", "a street robbery",
        "a break-in",
    ];

    public static readonly string[] Charges =
    [
        "robbery", "assault occasioning actual bodily harm", "possession with intent to supply class A drugs", "burglary",
        "dangerous driving", "grievous bodily harm", "attempted murder", "murder", "stalking", "coercive and controlling behaviour",
        "causing death by dangerous driving", "possession of a bladed article", "theft", "fraud by false representation",
    ];

    public static readonly string[] Sentences =
    [
        "four years", "18 months", "six years and eight months", "life with a minimum term of 21 years", "two years",
        "three and a half years", "nine years", "32 weeks", "12 years", "five years and three months",
    ];

    public static readonly string[] Items =
    [
        "a mountain bike", "power tools", "jewellery", "a catalytic converter", "a handbag", "two laptops", "a quad bike",
        "a horsebox", "designer watches", "a sit-on lawnmower", "copper cable",
    ];

    public static readonly string[] Drugs = ["Cannabis", "Cocaine", "Heroin", "Class A drugs", "Cannabis plants", "Ketamine"];

    public static readonly string[] Weapons = ["a knife", "a machete", "an imitation firearm", "a lock knife", "a baseball bat", "a zombie knife"];

    public static readonly string[] Amounts = ["£2,500", "£40,000", "£12,000", "£850", "£6,200", "£120,000", "£1,300"];

    public static readonly string[] Operations = ["#OpSceptre", "#OpVenice", "#OpDefender", "#OpOrion", "#OpTrident", "#OpGuardian", "#OpTarget"];

    public static readonly string[] Events =
    [
        "the Christmas market", "the half marathon", "the carnival", "the Remembrance Sunday parade", "the football match",
        "the air show", "the summer festival", "the fireworks display", "the county show", "the 10k fun run",
    ];

    public static readonly string[] Numbers = ["two", "three", "four", "five", "six", "seven", "eight", "ten", "12", "15", "20"];

    public static readonly string[] Emojis = ["", "", "", "👮", "🚔", "⚠️", "📞", "👏", "🙏", "✅", "👍"];

    public static readonly string[] DogNames = ["Max", "Bruno", "Luna", "Rocky", "Kaiser", "Nala", "Zeus", "Bella", "Thor", "Blue"];

    public static readonly string[] LinkHosts = ["https://orlo.uk/", "https://bit.ly/", "https://t.co/", "https://ow.ly/"];

    public const string LinkAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
}
