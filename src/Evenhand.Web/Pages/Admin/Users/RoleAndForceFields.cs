using Evenhand.Forces;

namespace Evenhand.Web.Pages.Admin.Users;

/// <summary>The role and force fields shared by "add a user" and "change role and force".</summary>
public sealed record RoleAndForceFields(string? Role, string? ForceSlug, IReadOnlyList<Force> Forces);
