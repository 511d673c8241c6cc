using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Evenhand.Accounts;

/// <summary>
/// The one password policy of Evenhand, shared by the web app and the CLI, and the generator of the one-time passwords
/// they hand out (demo users, users created by an administrator or by <c>evenhand users add</c>).
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;
    public const int GeneratedLength = 20;

    public static void Apply(PasswordOptions options)
    {
        options.RequiredLength = MinimumLength;
        options.RequireNonAlphanumeric = false;
        options.RequireDigit = true;
        options.RequireLowercase = true;
        options.RequireUppercase = true;
    }

    /// <summary>
    /// A random password that always meets <see cref="Apply"/>: at least one upper-case letter, one lower-case letter and
    /// one digit, the rest drawn from all three, shuffled. Look-alike characters (0/O, 1/l/I) are left out so it can be typed.
    /// </summary>
    public static string Generate()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string digits = "23456789";
        const string all = upper + lower + digits;
        var chars = new char[GeneratedLength];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        for (var i = 3; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
