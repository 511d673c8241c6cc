using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Evenhand.SocialMedia;

/// <summary>
/// The JSON form of a <see cref="SocialAnalysisReport"/>: camelCase property names, dictionary keys as they are (topic and
/// force names), and null where a figure does not exist (for example a median of no posts) instead of NaN, which JSON lacks.
/// </summary>
public static class SocialAnalysisJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new FiniteDoubleConverter() },
    };

    public static string Serialize(SocialAnalysisReport report) => JsonSerializer.Serialize(report, Options);

    public static SocialAnalysisReport Deserialize(string json) =>
        JsonSerializer.Deserialize<SocialAnalysisReport>(json, Options) ?? throw new JsonException("The stored analysis is empty.");

    private sealed class FiniteDoubleConverter : JsonConverter<double>
    {
        public override bool HandleNull => true;

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
