namespace Evenhand.SocialMedia;

/// <summary>
/// Infers an account's type from its handle, name and description when the export does not say. The reason is kept with the
/// account and shown, so a user can see why and correct it in the accounts file.
/// </summary>
public static class AccountTypeInference
{
    private static readonly string[] NetworkWords = ["network", "association", "staffnetwork", "lgbt", "bpa", "allies", "support group"];
    private static readonly string[] IndividualWords =
    [
        "chief constable", "deputy chief", "assistant chief", "superintendent", "inspector", "sergeant", "constable ", " pc ",
        "commissioner", "my views", "my own", "i am", "i'm", "personal account",
    ];
    private static readonly string[] TeamWords =
    [
        "team", "unit", "dogs", "roads", "rpu", "cyber", "firearms", "neighbourhood", "npt", "snt", "marine", "mounted", "drone",
        "response", "cid", "operations", "rural", "wildlife", "cadets", "specials", "custody", "control room", "traffic",
    ];

    public static (AccountType Type, string Reason) Infer(string handle, string fullName, string description)
    {
        var handleText = handle.TrimStart('@').ToLowerInvariant();
        var text = $" {handleText} {fullName.ToLowerInvariant()} {description.ToLowerInvariant()} ";

        if (Find(text, NetworkWords) is { } network)
        {
            return (AccountType.Network, $"the handle, name or description mentions '{network.Trim()}'");
        }

        if (Find(text, IndividualWords) is { } individual)
        {
            return (AccountType.Individual, $"the handle, name or description mentions '{individual.Trim()}'");
        }

        if (Find(text, TeamWords) is { } team)
        {
            return (AccountType.Team, $"the handle, name or description mentions '{team.Trim()}'");
        }

        if (handleText.EndsWith("police", StringComparison.Ordinal) || handleText.EndsWith("constabulary", StringComparison.Ordinal)
            || handleText.EndsWith("policeuk", StringComparison.Ordinal) || text.Contains("official account", StringComparison.Ordinal))
        {
            return (AccountType.Main, "the handle or description reads as the force's corporate account");
        }

        return (AccountType.Team, "nothing identified it as a main, individual or network account, so it is counted as a team");
    }

    private static string? Find(string text, string[] words) => words.FirstOrDefault(w => text.Contains(w, StringComparison.Ordinal));
}
