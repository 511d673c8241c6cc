namespace Evenhand.SocialMedia.Synthetic;

/// <summary>A placeholder in a post template, filled from the word lists or the post's context.</summary>
internal enum Slot : byte
{
    Literal,
    Town,
    Street,
    Road,
    Junction,
    Time,
    Weekday,
    Date,
    Ref,
    Age,
    First,
    Man,
    Surname,
    Clothing,
    Vehicle,
    Offence,
    Charge,
    Sentence,
    Item,
    Drug,
    Weapon,
    Amount,
    Op,
    Event,
    Num,
    Emoji,
    Dog,
    Link,
    Force,
    Short,
    Handle,
    Tag,
    GenderTag,
    RaceTag,
    ClimateTag,
}

internal readonly record struct Segment(Slot Slot, string? Text);

/// <summary>
/// A post template. <see cref="Category"/> is an operational category of <see cref="SocialLexicon.Default"/> (or -1 for a
/// non-operational post); <see cref="Topic"/> is the topic it mentions (or -1).
/// </summary>
internal sealed class Template
{
    private static readonly Dictionary<string, Slot> SlotNames = Enum.GetValues<Slot>()
        .Where(s => s != Slot.Literal)
        .ToDictionary(s => s.ToString().ToLowerInvariant(), s => s, StringComparer.Ordinal);

    public Template(string source, int category, int topic)
    {
        Source = source;
        Category = category;
        Topic = topic;
        var segments = new List<Segment>();
        var i = 0;
        while (i < source.Length)
        {
            var open = source.IndexOf('{', i);
            if (open < 0)
            {
                segments.Add(new Segment(Slot.Literal, source[i..]));
                break;
            }

            if (open > i)
            {
                segments.Add(new Segment(Slot.Literal, source[i..open]));
            }

            var close = source.IndexOf('}', open);
            var name = source[(open + 1)..close];
            segments.Add(new Segment(SlotNames.TryGetValue(name, out var slot) ? slot : throw new InvalidOperationException($"Unknown slot {{{name}}} in '{source}'."), null));
            i = close + 1;
        }

        Segments = [.. segments];
    }

    public string Source { get; }

    public int Category { get; }

    public int Topic { get; }

    public Segment[] Segments { get; }
}

/// <summary>
/// The post templates: operational posts in the six categories of the default lexicon, operational posts that also mention a
/// topic, and non-operational posts about a topic (the police's own and those of outside organisations, for reposts).
/// </summary>
internal static class SynthTemplates
{
    public static readonly int Appeals = CategoryIndex("appeals");
    public static readonly int Witnesses = CategoryIndex("witnesses");
    public static readonly int RoadClosures = CategoryIndex("road closures");
    public static readonly int CrimePrevention = CategoryIndex("crime prevention");
    public static readonly int Arrests = CategoryIndex("arrests");
    public static readonly int Recruitment = CategoryIndex("recruitment");
    public static readonly int Climate = TopicIndex("climate activism");
    public static readonly int Gender = TopicIndex("gender and sexuality");
    public static readonly int Race = TopicIndex("race");

    public static int CategoryCount => SocialLexicon.Default.Operational.Count;

    public static int TopicCount => SocialLexicon.Default.Topics.Count;

    /// <summary>Hashtags per operational category, for {tag}.</summary>
    public static readonly string[][] CategoryTags = Build(CategoryCount, (Appeals, ["#Missing", "#Appeal", "#CanYouHelp", "#PleaseShare", ""]),
        (Witnesses, ["#Witness", "#CanYouHelp", "#PleaseShare", ""]), (RoadClosures, ["#Traffic", "#RoadSafety", "#Fatal4", "#TravelUpdate", ""]),
        (CrimePrevention, ["#CrimePrevention", "#ScamAware", "#StaySafe", "#BeCyberSmart", ""]), (Arrests, ["#Charged", "#Jailed", "#Justice", "#Result", ""]),
        (Recruitment, ["#JoinUs", "#PoliceCareers", "#Recruitment", "#BeThere", ""]));

    public static readonly string[] GenderTags = ["#LGBTQ", "#Pride", "#LGBT", "#LGBTQIA", "#IDAHOBIT", "#Transgender", "#LGBTQ+"];
    public static readonly string[] RaceTags = ["#BlackHistoryMonth", "#BlackLivesMatter", "#AntiRacism", "#Diversity", "#Windrush", "#Racism"];
    public static readonly string[] ClimateTags = ["#ClimateChange", "#ClimateAction", "#NetZero", "#Climate", "#ExtinctionRebellion", "#JustStopOil"];

    /// <summary>Operational templates per category.</summary>
    public static readonly Template[][] Operational = BuildCategories(
        (Appeals,
        [
            "#MISSING | Have you seen {first}, {age}, from {town}? {first} was last seen on {weekday} at {time} on {street}. Call 101 quoting {ref}. {link}",
            "We're becoming increasingly concerned for the welfare of {first}, {age}, who is missing from {town}. {first} is described as slim and {clothing}. If you see {first}, call 999 quoting {ref}. {link} {tag}",
            "WANTED: Do you know where {man} {surname} is? The {age}-year-old is wanted in connection with {offence} in {town}. Don't approach him, call 999. {link}",
            "UPDATE: {first}, who was reported missing from {town} on {weekday}, has been found safe and well. Thank you for sharing our appeal. {emoji}",
            "Appeal for information after {offence} on {street}, {town}, on {weekday} night. Anyone with information should call 101 quoting {ref}, or Crimestoppers anonymously on 0800 555 111.",
            "Can you help us identify this man? We'd like to speak to him about {offence} in {town} on {date}. Recognise him? Get in touch quoting {ref}. #Appeal {link}",
            "Officers are appealing for information to trace {man} {surname}, {age}, who is wanted on recall to prison. He has links to {town} and {town}. {link} {tag}",
            "\"We are growing increasingly concerned,\" said Inspector {surname}. \"{first} has not been seen since {weekday} and this is out of character.\" Please share our missing person appeal. {link}",
            "Stolen: {item} taken from a property on {street}, {town}, on {weekday}. Any information, call 101 quoting {ref}. {tag}",
            "Have you seen this {vehicle}? We're appealing for sightings after it was stolen from {town} overnight. Ref {ref} {link}",
            "Our search for missing {first}, {age}, continues in {town} today. Officers, the drone unit and search dogs are out. Please check sheds and outbuildings. {link}",
            "Information wanted: a {vehicle} was seen leaving {street}, {town}, at speed shortly after {offence} at {time} on {weekday}. {tag} {link}",
        ]),
        (Witnesses,
        [
            "Witnesses sought after {offence} on {street}, {town}, at around {time} on {weekday}. Anyone who saw what happened is asked to call 101 quoting {ref}. {link}",
            "Were you on the {road} near {town} at around {time} on {weekday}? We'd like to hear from anyone with dashcam footage of a {vehicle} being driven dangerously. {link}",
            "Do you have CCTV or doorbell footage? Officers investigating {offence} in {town} are asking residents of {street} to check their cameras. Ref {ref} {tag}",
            "Did you witness a collision involving a {vehicle} and a cyclist on {street}, {town}, on {date}? Please contact us quoting {ref}. #Witness",
            "Can you help? We're keen to speak to a man who may be a witness to {offence} near {town} railway station on {weekday} evening. {link}",
            "Upload your dashcam or mobile phone footage of bad driving to our online portal: {link} #OperationSnap",
            "Did you see anything? Any witnesses to {offence} in {town} town centre on {weekday} should call 101 quoting {ref}. {emoji}",
            "We are releasing CCTV images of a man we want to speak to after {offence} at a shop on {street}, {town}. Recognise him? Ref {ref} {link}",
            "\"Someone, somewhere saw something,\" said Detective Inspector {surname}. \"If that's you, please come forward.\" Call 101, ref {ref}. {tag}",
            "Key witness appeal: a woman in a {clothing} helped the victim on {street}, {town}, on {weekday}. We would like to thank her and speak to her. {link}",
        ]),
        (RoadClosures,
        [
            "The {road} is closed in both directions between {junction} and {junction} following a collision. Please avoid the area and allow extra time for your journey. {link}",
            "ROAD CLOSURE: {street}, {town}, is closed while emergency services deal with an incident. Diversions are in place. #Traffic",
            "Expect delays on the {road} this morning: one lane is closed at {junction} after a collision earlier. Traffic is moving slowly. {tag}",
            "Road closures are in place in {town} for {event} on {weekday}. Please plan ahead and follow the signed diversion. Full details: {link}",
            "UPDATE: The {road} has now fully reopened following the earlier collision. Thank you for your patience. {emoji}",
            "Heavy congestion on the motorway near {town} after a lorry shed its load. Please avoid the {road} if you can. {tag}",
            "Overnight closure: the {road} will be closed between {junction} and {junction} from 8pm until 6am for resurfacing. Diversion via the {road}.",
            "Serious collision on {street}, {town}. The road will be closed for some time while collision investigators work at the scene. Please avoid the area. Updates on {handle}.",
            "Traffic officers stopped this {vehicle} on the {road} doing 112mph in a 70 zone. Driver reported and vehicle seized. #Fatal4 {tag}",
            "Officers are at the scene of a collision on the {road} near {town}. Emergency services are on scene and the road is expected to remain closed. {link}",
            "Planned road closure: {street} in {town} will be closed from {time} on {weekday} for {event}. {link} {tag}",
        ]),
        (CrimePrevention,
        [
            "Lock it or lose it! {num} cars were stolen in {town} last week, all of them unlocked. Please keep your vehicle secure and your keys out of sight. #CrimePrevention",
            "SCAM ALERT: Residents in {town} have received calls from fraudsters claiming to be police officers and asking for bank details. We will never ask for your PIN. #ScamAware {link}",
            "Going away? Our burglary prevention advice: use timer switches, lock doors and windows, and ask a neighbour to collect your post. {link}",
            "Cyber safety tip: use three random words for your passwords and turn on two-step verification to protect your accounts. #BeCyberSmart",
            "Our officers will be at {town} market on {weekday} giving crime prevention advice and free property marking. Come and say hello! {emoji}",
            "Fraudsters are targeting older people in {town} with doorstep scams. Talk to elderly relatives and neighbours about how to stay safe. Advice: {link}",
            "Catalytic converter thefts are on the rise in {town}. Park in a garage or well-lit area and consider a marking kit to protect your vehicle. {tag}",
            "Dark nights are here: follow our advice to keep your home secure, including outside lights and visible alarms. #DarkNights {link}",
            "\"Take Five\": if someone asks for money or personal details, stop, challenge and protect yourself. Courier fraud is on the rise in {short}. {link}",
            "Water safety: with warm weather forecast, please don't swim in reservoirs, quarries or rivers in {short}. Cold water shock kills. #BeWaterAware",
            "Bike security advice from the {town} neighbourhood team: use a D-lock, register your bike and record the frame number. {link} {tag}",
            "Shed and garage burglary is up in rural {short}. Mark your tools, fit a shed alarm and keep padlocks secure. Advice: {link}",
        ]),
        (Arrests,
        [
            "A {age}-year-old man from {town} has been charged with {charge} and remanded in custody to appear at {town} Magistrates' Court on {weekday}. {link}",
            "JAILED: {first} {surname}, {age}, of {town}, has been sentenced to {sentence} for {charge}. {link} {tag}",
            "Two men have been arrested after officers executed a warrant at an address on {street}, {town}, this morning. {drug} and {amount} in cash were seized. {op}",
            "We've arrested a {age}-year-old woman on suspicion of {charge} following an incident in {town} on {weekday}. She remains in custody. {link}",
            "Officers patrolling {town} town centre arrested a man for possession of {weapon}. Knife crime will not be tolerated. #OpSceptre",
            "{first} {surname}, {age}, was convicted of {charge} at {town} Crown Court and will be sentenced on {date}. {link}",
            "Drink driver arrested on the {road} after failing a roadside breath test. He is now in custody. #Fatal4 {emoji}",
            "\"This was a cowardly attack,\" said Detective Sergeant {surname}, after {first} {surname}, {age}, was jailed for {sentence} at {town} Crown Court.",
            "Update: a man has been charged following {offence} in {town} on {date}. He will appear at court on {weekday}. Thank you to everyone who shared our appeal.",
            "A man wanted on recall to prison has been arrested in {town} after a member of the public recognised him from our appeal. Thanks for sharing! {emoji}",
            "PD {dog} tracked a suspect across fields near {town} after {offence}. The man was arrested and is in custody. Good boy {dog}! {tag}",
            "Drugs warrant in {town}: {drug} worth {amount} seized and a {age}-year-old arrested. Keep the information coming. {op}",
        ]),
        (Recruitment,
        [
            "We're recruiting! Become a police officer with {force}: no degree needed, earn while you learn. Apply now: {link} #JoinUs",
            "Could you be a police staff investigator? We have vacancies across {short}. Find out more and apply by {date}: {link} #PoliceCareers",
            "Our Specials give their time to keep {town} safe. Could you volunteer 16 hours a month as a Special Constable? {link} {tag}",
            "Join our control room and be the voice that helps people on their worst day. Call handler vacancies are open now: {link}",
            "Recruitment event: meet our officers in {town} on {weekday} {date} and find out about careers in policing. Book your place: {link}",
            "Ever thought about becoming a detective? Our Detective Constable entry route is open, apply now. {link} #PoliceCareers",
            "We are hiring PCSOs in {town} and {town}. Make a difference where you live. Applications close on {date}. {link}",
            "Volunteer Police Cadets aged 13 to 17 in {town}: applications are now open for our new unit. {link} {tag}",
            "Thinking of a change? Come to our online careers evening on {weekday} at 7pm. Register: {link} #JoinUs",
            "Congratulations to the {num} new officers who joined {force} today at their attestation ceremony. Want to join them? {link} {emoji}",
            "Police dog handler, firearms officer, detective: there are so many careers in policing. Apply to {force} today. {link}",
        ]));

    /// <summary>Operational templates that also mention a topic keyword (hate crime reports, Pride road closures, race day traffic).</summary>
    public static readonly Template[] Mentions =
    [
        M(CrimePrevention, Gender, "Hate crime is never acceptable. If you've been targeted because of your sexuality or who you are, please report it. Advice and support: {link} #HateCrime"),
        M(RoadClosures, Gender, "Road closures will be in place in {town} city centre for the #Pride parade on {weekday}. Please follow the signed diversion and allow extra time. {link}"),
        M(Witnesses, Gender, "Witnesses sought after a homophobic assault on {street}, {town}, in the early hours of {weekday}. Anyone who saw what happened please call 101 quoting {ref}."),
        M(Arrests, Gender, "A man has been charged with a homophobic public order offence after an incident in {town} on {date}. He will appear at court on {weekday}. {link}"),
        M(Recruitment, Gender, "We're recruiting and we want our workforce to reflect the communities we serve. Apply now and join us: {link} #JoinUs {gendertag}"),
        M(CrimePrevention, Gender, "Officers will be at {town} Pride on {weekday} giving safety advice and crime prevention tips. Come and say hello to the team! {emoji}"),
        M(Appeals, Gender, "Appeal for information after transphobic graffiti was sprayed on a wall on {street}, {town}. Call 101 with any information, ref {ref}."),
        M(Witnesses, Gender, "CCTV appeal: we want to speak to this man after a woman was assaulted in a homophobic attack in {town}. Any witnesses, call 101 quoting {ref}. {link}"),
        M(CrimePrevention, Gender, "Staying safe at #Pride this weekend: keep your phone and wallet secure, look out for your friends and report anything suspicious. Safety advice: {link}"),
        M(Arrests, Race, "A {age}-year-old man has been arrested after racist abuse was shouted at a bus driver in {town} on {weekday}. He remains in custody. {link}"),
        M(Recruitment, Race, "Recruitment open days in {town}: we want a workforce that reflects our communities and we welcome diversity. Apply by {date}: {link} #JoinUs"),
        M(Appeals, Race, "We are appealing for information after racist graffiti was found on {street}, {town}. Call 101 quoting {ref}. {link}"),
        M(RoadClosures, Race, "Race day at {town} racecourse on {weekday}: expect heavy traffic on the {road} from 11am and use the signed diversion routes. {link}"),
        M(CrimePrevention, Race, "Racism is a crime. Our advice on reporting hate crime, and the support available to victims: {link} #HateCrimeAwarenessWeek"),
        M(Arrests, Race, "{first} {surname}, {age}, has been sentenced to {sentence} at {town} Crown Court for a racially aggravated assault. This racist attack left the victim injured. {link}"),
        M(Arrests, Climate, "{num} people have been arrested after #JustStopOil protesters blocked the {road} near {town} this morning. Traffic is now moving. {link}"),
        M(RoadClosures, Climate, "Expect road closures in {town} city centre on {weekday} for a planned #ExtinctionRebellion march. Please allow extra time and follow the diversion. {link}"),
        M(Arrests, Climate, "Climate protesters who glued themselves to the {road} have been charged with causing a public nuisance and will appear at court on {date}."),
        M(RoadClosures, Climate, "The {road} is closed near {town} because of an #XR protest. Traffic is being diverted: please avoid the area. {link}"),
        M(CrimePrevention, Climate, "Flood alerts across {short} after the wettest month on record. #ClimateChange means more flooding: check our safety advice before you travel. {link}"),
    ];

    /// <summary>Non-operational posts by police accounts, per topic: two or more topic words and no operational keyword.</summary>
    public static readonly Template[][] NonOperational = BuildTopics(
        (Gender,
        [
            "Proud to be marching with colleagues at {town} #Pride today 🏳️‍🌈 Love is love. #LGBTQ",
            "Today is #IDAHOBIT. We stand with our LGBTQ+ colleagues and communities against homophobia, biphobia and transphobia. 🏳️‍🌈",
            "Happy #PrideMonth! Our rainbow lanyards show we are allies to lesbian, gay, bisexual and trans colleagues. {emoji}",
            "It's #TransDayOfVisibility. To our trans and nonbinary colleagues: we see you, we value you and we celebrate you. 🏳️‍⚧️",
            "What a day at {town} Pride with our LGBT+ network! Thank you to everyone who came to say hello 🏳️‍🌈 #Pride",
            "Celebrating #BiVisibilityDay with our bisexual colleagues across {force}. 💗💜💙 #LGBTQ",
            "International Women's Day: celebrating the women of {force} and calling out misogyny in all its forms. #IWD #Gender",
            "New podcast episode: colleagues talk about gender identity, sexuality and coming out at work. Listen here: {link} #LGBTQ",
            "\"Being my authentic self at work matters,\" says {first}, a sergeant in {town}, on #NationalComingOutDay. #LGBT #Pride",
            "The Progress Pride flag is flying at {town} police station this week. Everyone should be free to love who they love, gay, lesbian or bi. 🏳️‍🌈 #LGBTQIA",
            "Rainbow laces, rainbow epaulettes, rainbow cake: our {town} officers went all out for #Pride. Gay, lesbian, bi or trans, you belong here.",
            "Our LGBT+ allies training is now part of every new starter's first week. Proud of this step on transgender inclusion. #LGBTQ",
        ]),
        (Race,
        [
            "This #BlackHistoryMonth we are celebrating the Black officers and staff who have shaped {force}. #Diversity",
            "Racism has no place in policing or in our communities. We are committed to becoming an antiracist organisation. #AntiRacism",
            "Today we mark #WindrushDay, honouring the Windrush generation and their contribution to {town} and to Britain. #Diversity",
            "Our Race Action Plan sets out how we will tackle racial disparity and build trust with Black communities. Read it here: {link} #AntiRacism",
            "Proud to attend our Black Police Association conference on race, ethnicity and inclusion. #BAME #Diversity",
            "Three years on from the #BlackLivesMatter protests we are still listening and learning. Racism, in any form, must be challenged.",
            "Celebrating the diversity of {town} at the summer Mela with colleagues from our race equality group. #Diversity #Race",
        ]),
        (Climate,
        [
            "Our journey to #NetZero: solar panels now power {town} police station, cutting our emissions by 30%. #Climate",
            "Climate change affects us all. This #EarthDay our teams planted 500 trees at {town}. #ClimateAction",
            "Proud of our Green Champions for cutting fossil fuel use across the force. #NetZero #ClimateAction",
            "{num} new electric patrol cars have arrived in {short} as we cut emissions from our fleet. #NetZero #Climate",
            "We've signed the climate pledge: net zero by 2040, lower emissions, less waste. #ClimateChange",
        ]));

    /// <summary>Non-operational posts by outside organisations, reposted by police accounts.</summary>
    public static readonly Template[][] ExternalNonOperational = BuildTopics(
        (Gender,
        [
            "Trans rights are human rights. Everyone deserves to live free from transphobia. #TransDayOfVisibility #LGBTQ",
            "Pride season is here! 🏳️‍🌈 Find a #Pride event near you and celebrate with the LGBTQIA+ community: {link}",
            "New research: one in five LGBT people has experienced homophobia or transphobia in the past year. {link} #LGBT",
            "Happy #Pride! Lesbian, gay, bi, trans, queer: we are all in this together. 🏳️‍🌈",
        ]),
        (Race,
        [
            "Racism is not banter. If you hear it, call it out. #AntiRacism #BlackLivesMatter",
            "Happy #BlackHistoryMonth! This year we celebrate the Black women who changed Britain. #Diversity",
            "75 years since the Empire Windrush arrived. We honour the #Windrush generation and their legacy. #BlackHistoryMonth",
        ]),
        (Climate,
        [
            "The climate crisis is here and net zero can't wait. #ClimateAction #NetZero",
            "Emissions fell 5% last year, but we need faster action on fossil fuels. #ClimateChange",
        ]));

    public static Template[] AllTemplates() =>
        [.. Operational.SelectMany(t => t), .. Mentions, .. NonOperational.SelectMany(t => t), .. ExternalNonOperational.SelectMany(t => t)];

    private static Template M(int category, int topic, string source) => new(source, category, topic);

    private static Template[][] BuildCategories(params (int Category, string[] Sources)[] groups)
    {
        var result = new Template[CategoryCount][];
        foreach (var (category, sources) in groups)
        {
            result[category] = [.. sources.Select(s => new Template(s, category, -1))];
        }

        return result;
    }

    private static Template[][] BuildTopics(params (int Topic, string[] Sources)[] groups)
    {
        var result = new Template[TopicCount][];
        foreach (var (topic, sources) in groups)
        {
            result[topic] = [.. sources.Select(s => new Template(s, -1, topic))];
        }

        return result;
    }

    private static string[][] Build(int count, params (int Index, string[] Values)[] groups)
    {
        var result = new string[count][];
        foreach (var (index, values) in groups)
        {
            result[index] = values;
        }

        return result;
    }

    private static int CategoryIndex(string name) => IndexOf(SocialLexicon.Default.Operational, name);

    private static int TopicIndex(string name) => IndexOf(SocialLexicon.Default.Topics, name);

    private static int IndexOf(IReadOnlyList<LexiconGroup> groups, string name)
    {
        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"The default lexicon has no group '{name}'.");
    }
}
