using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Evenhand.Cli.Infrastructure;

/// <summary>The one shape of <c>--json</c> output: camelCase, indented, dates as yyyy-MM-dd, non-ASCII text written as it is.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static void Write<T>(CliConsole console, T value)
    {
        console.Json.WriteLine(JsonSerializer.Serialize(value, Options));
        console.Json.Flush();
    }
}
