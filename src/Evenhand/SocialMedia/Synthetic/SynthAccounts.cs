using Evenhand.Forces;

namespace Evenhand.SocialMedia.Synthetic;

/// <summary>A force as the generator sees it: names, handle stem, web domain and towns.</summary>
internal sealed class SynthForce
{
    public SynthForce(Force force)
    {
        Slug = force.Slug;
        Name = force.Name;
        Short = force.Slug == "metropolitan" ? "Met" : force.ShortName;
        Place = force.Slug == "metropolitan" ? "London" : force.ShortName;
        Country = force.Country;
        Stem = SynthWords.StemOverrides.TryGetValue(force.Slug, out var stem) ? stem : PascalCase(force.ShortName);
        Domain = SynthWords.DomainOverrides.TryGetValue(force.Slug, out var domain) ? domain : force.Slug.Replace("-", "", StringComparison.Ordinal) + ".police.uk";
        Towns = SynthWords.Towns.TryGetValue(force.Slug, out var towns) ? towns : [force.ShortName];
        TownStems = [.. Towns.Select(PascalCase)];
        MainHandle = force.Slug == "metropolitan" ? "@MetPoliceUK" : $"@{Stem}Police";
        Size = SynthWords.ForceSize.GetValueOrDefault(force.Slug, 1.0);
    }

    public string Slug { get; }
    public string Name { get; }
    /// <summary>The short name for account names ("Met" for the Metropolitan Police).</summary>
    public string Short { get; }

    /// <summary>The area, for locations and post text ("London" for the Metropolitan Police).</summary>
    public string Place { get; }
    public string Country { get; }
    public string Stem { get; }
    public string Domain { get; }
    public string[] Towns { get; }
    public string[] TownStems { get; }
    public string MainHandle { get; }
    public double Size { get; }

    public static IReadOnlyList<SynthForce> All { get; } = [.. ForceCatalogue.All.Select(f => new SynthForce(f))];

    /// <summary>"Weston-super-Mare" is "WestonSuperMare", "Avon and Somerset" is "AvonSomerset".</summary>
    public static string PascalCase(string text)
    {
        var chars = new List<char>(text.Length);
        foreach (var word in text.Replace("'", "", StringComparison.Ordinal).Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word is "and" && chars.Count > 0)
            {
                continue;
            }

            chars.Add(char.ToUpperInvariant(word[0]));
            chars.AddRange(word[1..]);
        }

        return new string([.. chars]);
    }
}

/// <summary>
/// A kind of account: its type, how its handle, name and description read (placeholders {stem}, {short}, {place}, {force}, {town},
/// {townstem}, {first}, {surname}), the operational category it posts most about, and its typical followers.
/// </summary>
internal sealed record AccountKind(
    AccountType Type,
    string Handle,
    string Name,
    string[] Descriptions,
    int Focus,
    double Weight,
    double FollowerMedian,
    int Topic = -1)
{
    public static readonly string[] MainDescriptions =
    [
        "The official account of {force}. Not monitored 24/7: in an emergency always call 999. Report crime online or call 101.",
        "News, appeals and safety updates from {force}. Official account, not monitored 24/7. Always call 999 in an emergency.",
        "Official account of {force}, keeping {place} safe. Please don't report crime here: call 101, or 999 in an emergency.",
    ];

    public static readonly AccountKind[] Team =
    [
        new(AccountType.Team, "{stem}PoliceDogs", "{short} Police Dogs", ["The {force} dog unit: general purpose, drugs and search dogs and their handlers. Not monitored 24/7.", "Police dogs and handlers keeping {place} safe 🐾 Account not monitored 24/7, call 999 in an emergency."], SynthTemplates.Arrests, 1.0, 9000),
        new(AccountType.Team, "{stem}RoadsPolicing", "{short} Roads Policing", ["Roads Policing Unit, {force}. Targeting the Fatal 4 on our roads. Not monitored 24/7.", "Roads policing officers of {force}, keeping {place}'s roads safe. Don't report crime here."], SynthTemplates.RoadClosures, 1.0, 7000),
        new(AccountType.Team, "{stem}RPU", "{short} RPU", ["{force} Roads Policing Unit. Don't report crime here: call 101, or 999 in an emergency."], SynthTemplates.RoadClosures, 0.6, 5000),
        new(AccountType.Team, "{stem}Firearms", "{short} Armed Policing", ["Armed response officers of {force}. Not monitored 24/7."], SynthTemplates.Arrests, 0.7, 6000),
        new(AccountType.Team, "{stem}Cyber", "{short} Cyber Crime Unit", ["Cyber crime unit, {force}: staying safe online, scams and fraud. Report fraud online or call 101."], SynthTemplates.CrimePrevention, 0.8, 1800),
        new(AccountType.Team, "{stem}RuralCrime", "{short} Rural Crime Team", ["Rural crime team covering farms, villages and the countryside across {place}. Not monitored 24/7."], SynthTemplates.CrimePrevention, 0.9, 3000),
        new(AccountType.Team, "{stem}Wildlife", "{short} Wildlife Crime", ["Wildlife and rural crime officers, {force}. Not monitored 24/7."], SynthTemplates.CrimePrevention, 0.4, 2000),
        new(AccountType.Team, "{stem}Marine", "{short} Marine Unit", ["The marine unit of {force}, on the water around {place}."], SynthTemplates.CrimePrevention, 0.3, 2500),
        new(AccountType.Team, "{stem}Mounted", "{short} Mounted Section", ["The mounted section of {force}: eight horses, one team."], SynthTemplates.RoadClosures, 0.3, 3000),
        new(AccountType.Team, "{stem}Drones", "{short} Drone Unit", ["Drone unit, {force}: eyes in the sky for searches and incidents."], SynthTemplates.Appeals, 0.4, 2000),
        new(AccountType.Team, "{stem}Cadets", "{short} Volunteer Police Cadets", ["Volunteer Police Cadets, {force}. Young people aged 13 to 17 giving back to their communities."], SynthTemplates.Recruitment, 0.5, 900),
        new(AccountType.Team, "{stem}Specials", "{short} Special Constabulary", ["The Special Constabulary of {force}: volunteer officers with full police powers. Could you be a Special?"], SynthTemplates.Recruitment, 0.6, 1500),
        new(AccountType.Team, "{stem}PoliceJobs", "{short} Police Careers", ["Recruitment team for {force}: police officer, PCSO, staff and volunteer roles."], SynthTemplates.Recruitment, 0.6, 2500),
        new(AccountType.Team, "{stem}ControlRoom", "{short} Control Room", ["Inside the {force} control room: answering your 999 and 101 calls day and night."], SynthTemplates.Appeals, 0.4, 2000),
        new(AccountType.Team, "{stem}CID", "{short} CID", ["Criminal Investigation Department, {force}. Not monitored 24/7."], SynthTemplates.Arrests, 0.5, 1500),
        new(AccountType.Team, "{stem}OpsSupport", "{short} Operations", ["Specialist operations, {force}: public order, search and events."], SynthTemplates.RoadClosures, 0.3, 1500),
        new(AccountType.Team, "{townstem}Cops", "{town} Police", ["Neighbourhood policing team for {town}. Not monitored 24/7: report crime online or call 101.", "Your local officers and PCSOs in {town}, {force}. Neighbourhood team, not monitored 24/7."], -1, 3.0, 1300),
        new(AccountType.Team, "{townstem}NPT", "{town} Neighbourhood Policing Team", ["{town} NPT, {force}. Follow us for local news and appeals. Not monitored 24/7."], -1, 2.0, 1000),
        new(AccountType.Team, "{townstem}SNT", "{town} Safer Neighbourhood Team", ["Safer neighbourhood team for {town} town centre. Not monitored 24/7."], -1, 1.2, 700),
    ];

    public static readonly AccountKind[] Individual =
    [
        new(AccountType.Individual, "CC{stem}", "Chief Constable {first} {surname}", ["Chief Constable of {force}. Proud to lead the officers, staff and volunteers who keep {place} safe.", "Chief Constable, {force}. Views my own."], -1, 0.8, 6300),
        new(AccountType.Individual, "DCC{stem}", "DCC {first} {surname}", ["Deputy Chief Constable at {force}."], -1, 0.5, 2800),
        new(AccountType.Individual, "ACC{surname}", "ACC {first} {surname}", ["Assistant Chief Constable, {force}. Local policing, partnerships and prevention."], -1, 0.5, 1750),
        new(AccountType.Individual, "ChiefSupt{surname}", "Ch Supt {first} {surname}", ["Chief Superintendent, {town} district, {force}. Views my own."], -1, 0.8, 1260),
        new(AccountType.Individual, "Supt{surname}", "Supt {first} {surname}", ["Superintendent at {force}. Tweets are my own views."], -1, 0.8, 840),
        new(AccountType.Individual, "ChInsp{surname}", "Chief Inspector {first} {surname}", ["Chief Inspector for {town}, {force}. Not monitored 24/7."], -1, 0.8, 630),
        new(AccountType.Individual, "Insp{surname}", "Inspector {first} {surname}", ["Inspector, {town} neighbourhood policing. Views are my own.", "Inspector at {force}, covering {town} and the villages."], -1, 1.2, 560),
        new(AccountType.Individual, "Sgt{surname}", "Sgt {first} {surname}", ["Sergeant on the {town} response team, {force}. My own views, not those of the force."], -1, 1.0, 420),
        new(AccountType.Individual, "PC{surname}{town}", "PC {first} {surname}", ["Police officer in {town}, {force}. Personal account, not monitored 24/7."], -1, 1.0, 350),
        new(AccountType.Individual, "PCSO{surname}", "PCSO {first} {surname}", ["Police Community Support Officer covering {town}. Views my own."], -1, 0.9, 280),
        new(AccountType.Individual, "{first}{surname}Comms", "{first} {surname}", ["Head of Corporate Communications at {force}. Views my own.", "Digital engagement lead, {force}. My views, not the force's."], -1, 0.5, 489),
    ];

    public static readonly AccountKind[] Network =
    [
        new(AccountType.Network, "{stem}LGBTNetwork", "{short} Police LGBT+ Network", ["The LGBT+ staff network of {force}: supporting lesbian, gay, bisexual and trans colleagues and allies."], -1, 1.5, 900, SynthTemplates.Gender),
        new(AccountType.Network, "{stem}BPA", "{short} Black Police Association", ["Supporting Black and minority ethnic officers and staff in {force}. Race equality for all."], -1, 1.0, 800, SynthTemplates.Race),
        new(AccountType.Network, "{stem}WomensNetwork", "{short} Police Women's Network", ["Supporting women working in {force}, officers and staff alike."], -1, 1.0, 600),
        new(AccountType.Network, "{stem}DisabilityNet", "{short} Disability Support Network", ["Disability support network for {force} officers and staff, including carers and neurodivergent colleagues."], -1, 0.7, 400),
        new(AccountType.Network, "{stem}CPA", "{short} Christian Police Association", ["The Christian Police Association in {force}."], -1, 0.5, 300),
        new(AccountType.Network, "{stem}AMP", "{short} Association of Muslim Police", ["Association of Muslim Police, {force}: faith, community and service."], -1, 0.5, 500, SynthTemplates.Race),
        new(AccountType.Network, "{stem}GEN", "{short} Gender Equality Network", ["Gender equality network of {force}. Everyone welcome."], -1, 0.6, 400, SynthTemplates.Gender),
    ];
}

/// <summary>One generated account.</summary>
internal sealed class SynthAccount
{
    public string Id { get; set; } = "";
    public required string Handle { get; init; }
    public required string FullName { get; init; }
    public required string Description { get; init; }
    public required string Location { get; init; }
    public required string Url { get; init; }
    public required int Force { get; init; }
    public required AccountType Type { get; init; }
    public required int Focus { get; init; }
    public required int Topic { get; init; }
    public required long Followers { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required bool Verified { get; init; }
    public required double Activity { get; init; }

    /// <summary>Posts generated for the account.</summary>
    public int Posts { get; set; }

    /// <summary>All posts the account has made (at least <see cref="Posts"/>: the rest fall outside the export).</summary>
    public long TotalPosts { get; set; }
}

/// <summary>Generates the accounts: one main account per force in use, then individual, team and network accounts.</summary>
internal static class SynthAccounts
{
    /// <summary>Shares of accounts beyond the main ones (the report names individuals, teams and staff networks).</summary>
    private const double NetworkAccountShare = 0.08;
    private const double IndividualAccountShare = 0.42;

    public static List<SynthAccount> Generate(int count, SynthRandom rng, out List<SynthForce> forces)
    {
        // One main account per force: all 43 once there are enough accounts, otherwise about one force per 14 accounts.
        var forceCount = count >= SynthForce.All.Count ? SynthForce.All.Count : Math.Max(1, (count + 13) / 14);
        var order = Enumerable.Range(0, SynthForce.All.Count).ToArray();
        Shuffle(order, rng);
        var used = order.Take(forceCount).Order().ToArray();
        forces = [.. used.Select(i => SynthForce.All[i])];

        var rest = count - forceCount;
        var networks = (int)Math.Round(rest * NetworkAccountShare);
        var individuals = (int)Math.Round(rest * IndividualAccountShare);
        var teams = rest - networks - individuals;

        var handles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var suffixes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var accounts = new List<SynthAccount>(count);
        for (var f = 0; f < forces.Count; f++)
        {
            accounts.Add(Main(forces[f], f, rng, handles));
        }

        var forceWeights = forces.Select(f => f.Size).ToArray();
        AddOthers(accounts, AccountKind.Individual, individuals, forces, forceWeights, rng, handles, suffixes);
        AddOthers(accounts, AccountKind.Team, teams, forces, forceWeights, rng, handles, suffixes);
        AddOthers(accounts, AccountKind.Network, networks, forces, forceWeights, rng, handles, suffixes);

        var shuffled = accounts.ToArray();
        Shuffle(shuffled, rng);
        var width = Math.Max(4, count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        for (var i = 0; i < shuffled.Length; i++)
        {
            shuffled[i].Id = "a" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0');
        }

        return [.. shuffled];
    }

    private static SynthAccount Main(SynthForce force, int forceIndex, SynthRandom rng, HashSet<string> handles)
    {
        handles.Add(force.MainHandle);
        var followers = Clamp(60_000 * Math.Pow(force.Size, 1.3) * rng.LogNormal(0, 0.8), 10_000, 1_000_000);
        return new SynthAccount
        {
            Handle = force.MainHandle,
            FullName = force.Name,
            Description = Fill(rng.Pick(AccountKind.MainDescriptions), force, "", "", ""),
            Location = $"{force.Place}, {force.Country}",
            Url = "https://www." + force.Domain,
            Force = forceIndex,
            Type = AccountType.Main,
            Focus = -1,
            Topic = -1,
            Followers = followers,
            CreatedAt = Created(rng, 2008, 2012),
            Verified = rng.Chance(0.9),
            Activity = rng.LogNormal(0, 0.5),
        };
    }

    private static void AddOthers(List<SynthAccount> accounts, AccountKind[] kinds, int count, List<SynthForce> forces, double[] forceWeights, SynthRandom rng, HashSet<string> handles,
        Dictionary<string, int> suffixes)
    {
        var kindWeights = kinds.Select(k => k.Weight).ToArray();
        for (var n = 0; n < count; n++)
        {
            var f = PickWeighted(forceWeights, rng);
            var force = forces[f];
            AccountKind kind = kinds[0];
            string handle = "", town = "", first = "", surname = "";
            for (var attempt = 0; attempt < 40; attempt++)
            {
                kind = kinds[PickWeighted(kindWeights, rng)];
                var t = rng.Next(force.Towns.Length);
                town = force.Towns[t];
                first = rng.Pick(SynthWords.FirstNames);
                surname = rng.Pick(SynthWords.Surnames);
                handle = "@" + Fill(kind.Handle, force, force.TownStems[t], first, surname);
                if (attempt == 39)
                {
                    // Every kind is taken in this force: number the handle (rare, with many accounts per force).
                    var i = suffixes.GetValueOrDefault(handle, 2);
                    while (handles.Contains(handle + i))
                    {
                        i++;
                    }

                    suffixes[handle] = i + 1;
                    handle += i;
                }

                if (handles.Add(handle))
                {
                    break;
                }
            }

            var description = Fill(rng.Pick(kind.Descriptions), force, town, first, surname, town);
            if (rng.Chance(0.04))
            {
                // Some descriptions run over two lines.
                var stop = description.IndexOf(". ", StringComparison.Ordinal);
                if (stop > 0)
                {
                    description = string.Concat(description.AsSpan(0, stop + 1), "\n", description.AsSpan(stop + 2));
                }
            }
            else if (kind.Type == AccountType.Individual && rng.Chance(0.05))
            {
                description += " \"Be the change you want to see.\"";
            }

            var chief = kind.Handle.StartsWith("CC", StringComparison.Ordinal) || kind.Handle.StartsWith("DCC", StringComparison.Ordinal) || kind.Handle.StartsWith("ACC", StringComparison.Ordinal);
            var (min, max) = kind.Type == AccountType.Network ? (60.0, 15_000.0) : (60.0, 90_000.0);
            accounts.Add(new SynthAccount
            {
                Handle = handle,
                FullName = Fill(kind.Name, force, town, first, surname, town),
                Description = description,
                Location = Location(kind.Type, force, town, rng),
                Url = rng.Chance(kind.Type == AccountType.Individual ? 0.15 : 0.5) ? "https://www." + force.Domain : "",
                Force = f,
                Type = kind.Type,
                Focus = kind.Focus,
                Topic = kind.Topic,
                Followers = Clamp(kind.FollowerMedian * Math.Sqrt(force.Size) * rng.LogNormal(0, kind.Type == AccountType.Network ? 0.8 : 1.2), min, max),
                CreatedAt = kind.Type switch
                {
                    AccountType.Network => Created(rng, 2013, 2016),
                    AccountType.Individual => Created(rng, 2011, 2016),
                    _ => Created(rng, 2010, 2016),
                },
                Verified = rng.Chance(chief ? 0.35 : 0.03),
                Activity = rng.LogNormal(0, 0.9),
            });
        }
    }

    /// <summary>Every handle a main, team or network account can have (these are the police accounts that get reposted).</summary>
    public static IEnumerable<string> RepostableHandles()
    {
        foreach (var force in SynthForce.All)
        {
            yield return force.MainHandle;
            foreach (var kind in AccountKind.Team.Concat(AccountKind.Network))
            {
                if (kind.Handle.Contains("{townstem}", StringComparison.Ordinal))
                {
                    foreach (var townStem in force.TownStems)
                    {
                        yield return "@" + Fill(kind.Handle, force, townStem, "", "");
                    }
                }
                else
                {
                    yield return "@" + Fill(kind.Handle, force, "", "", "");
                }
            }
        }
    }

    private static string Location(AccountType type, SynthForce force, string town, SynthRandom rng)
    {
        var u = rng.NextDouble();
        return type switch
        {
            AccountType.Team => u < 0.5 ? $"{town}, {force.Place}" : u < 0.8 ? force.Place : "",
            AccountType.Individual => u < 0.4 ? town : u < 0.7 ? $"{force.Place}, {force.Country}" : "",
            _ => u < 0.6 ? force.Place : "",
        };
    }

    private static string Fill(string pattern, SynthForce force, string townStem, string first, string surname, string town = "") => pattern
        .Replace("{stem}", force.Stem, StringComparison.Ordinal)
        .Replace("{short}", force.Short, StringComparison.Ordinal)
        .Replace("{place}", force.Place, StringComparison.Ordinal)
        .Replace("{force}", force.Name, StringComparison.Ordinal)
        .Replace("{townstem}", townStem, StringComparison.Ordinal)
        .Replace("{town}", town.Length > 0 ? town : townStem, StringComparison.Ordinal)
        .Replace("{first}", first, StringComparison.Ordinal)
        .Replace("{surname}", surname, StringComparison.Ordinal);

    private static DateTime Created(SynthRandom rng, int fromYear, int toYear)
    {
        var start = new DateTime(fromYear, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(toYear, 12, 31, 0, 0, 0, DateTimeKind.Utc);
        var seconds = (long)(rng.NextDouble() * (end - start).TotalSeconds);
        return start.AddSeconds(seconds);
    }

    private static long Clamp(double value, double min, double max) => (long)Math.Round(Math.Clamp(value, min, max));

    internal static int PickWeighted(double[] weights, SynthRandom rng)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var u = rng.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    internal static void Shuffle<T>(T[] items, SynthRandom rng)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
