using Microsoft.AspNetCore.Identity;

namespace Evenhand.Accounts;

/// <summary>A person who signs in. Belongs to one force, or to none (inspectorate and administrators).</summary>
public sealed class EvenhandUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public int? ForceId { get; set; }
    public Forces.Force? Force { get; set; }

    /// <summary>
    /// Set when the password is a one-time password someone else knows (created or reset by an administrator or the CLI):
    /// the user must choose a new one before anything else. Demo users and passwords the user chose are not marked.
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>A disabled user cannot sign in, and their sessions end (the security stamp changes when this is set).</summary>
    public bool IsDisabled { get; set; }
}

/// <summary>The roles of DESIGN.md. Names are stored in the database: never rename.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Inspectorate = nameof(Inspectorate);
    public const string ForceGovernance = nameof(ForceGovernance);
    public const string CallTaker = nameof(CallTaker);
    public const string HateCrimeSpecialist = nameof(HateCrimeSpecialist);
    public const string ForceCrimeRegistrar = nameof(ForceCrimeRegistrar);
    public const string PccOffice = nameof(PccOffice);
    public const string Communications = nameof(Communications);

    public static IReadOnlyList<string> All { get; } =
        [Administrator, Inspectorate, ForceGovernance, CallTaker, HateCrimeSpecialist, ForceCrimeRegistrar, PccOffice, Communications];

    /// <summary>Roles that see every force rather than one.</summary>
    public static IReadOnlyList<string> National { get; } = [Administrator, Inspectorate];

    public static string Describe(string role) => role switch
    {
        Administrator => "Administrator",
        Inspectorate => "Inspectorate",
        ForceGovernance => "Force governance",
        CallTaker => "Call taker",
        HateCrimeSpecialist => "Hate crime specialist",
        ForceCrimeRegistrar => "Force crime registrar",
        PccOffice => "PCC office",
        Communications => "Communications",
        _ => role,
    };
}
