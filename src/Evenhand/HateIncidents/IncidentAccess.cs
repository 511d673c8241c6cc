namespace Evenhand.HateIncidents;

/// <summary>
/// The part a member of staff plays in the hate-incident process. A hate crime specialist and the force crime registrar
/// both act as <see cref="Specialist"/> (specialist review, reclassification, deletion of personal data).
/// </summary>
public enum IncidentStaffRole
{
    CallTaker,
    Specialist,
}

/// <summary>
/// Who may see personal data in a hate-incident record (Code of Practice: access only where needed). The complainant's details
/// are ordinary police recording and visible to everyone who records and reviews incidents; the subject's personal data only to
/// specialists and the force crime registrar, and to call takers only if the force's policy says so. Governance, PCC offices
/// and the inspectorate see aggregates, never personal data.
/// </summary>
public static class PersonalDataAccess
{
    public static bool CanSeeComplainant(IncidentStaffRole? role) => role is not null;

    public static bool CanSeeSubject(IncidentStaffRole? role, ForceHatePolicy policy) => role switch
    {
        IncidentStaffRole.Specialist => true,
        IncidentStaffRole.CallTaker => policy.CallTakersMaySeePersonalData,
        _ => false,
    };

    public static bool CanSee(PersonRole person, IncidentStaffRole? role, ForceHatePolicy policy) =>
        person == PersonRole.Complainant ? CanSeeComplainant(role) : CanSeeSubject(role, policy);
}
