using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Evenhand.Common;

/// <summary>
/// The longest text a user may enter in a field, declared once: <c>[MaxLength(n)]</c> on the entity's property. The mapping
/// takes it from there (EF Core's convention), the domain refuses longer text with <see cref="FieldProblems.TooLong{T}"/>, and
/// the form's <c>maxlength</c> is <see cref="Of{T}"/>. A limit on a column only the system writes stays in the feature's
/// mapping; the save path enforces both kinds (<see cref="Data.EvenhandDbContext"/>).
/// </summary>
public static class TextLimit
{
    private static readonly ConcurrentDictionary<(Type Type, string Property), int?> Declared = new();

    /// <summary>The limit declared on <typeparamref name="T"/>'s <paramref name="property"/>; throws if it declares none.</summary>
    public static int Of<T>(string property) =>
        Find(typeof(T), property) ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} declares no [MaxLength].");

    /// <summary>The limit declared on <paramref name="type"/>'s <paramref name="property"/>, or null when it declares none.</summary>
    public static int? Find(Type type, string property) => Declared.GetOrAdd((type, property), static key =>
        key.Type.GetProperty(key.Property, BindingFlags.Public | BindingFlags.Instance)?.GetCustomAttribute<MaxLengthAttribute>()?.Length);

    /// <summary>A property's name as words for a message: "SourceName" as "Source name".</summary>
    public static string Words(string propertyName)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var c in propertyName)
        {
            if (char.IsUpper(c) && sb.Length > 0)
            {
                sb.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
