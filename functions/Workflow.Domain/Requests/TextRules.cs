using System.Globalization;
using System.Text;

namespace Workflow.Domain;

/// <summary>Checks for free text: any script is fine, but no control characters or broken surrogate pairs.</summary>
internal static class TextRules
{
    public const string UnpairedSurrogate = "contains an invalid (unpaired surrogate) character";

    /// <summary>Length in user-perceived characters, so an emoji or a combined accent counts once.</summary>
    public static int VisibleLength(string value) => new StringInfo(value).LengthInTextElements;

    public static string? Problem(string value, int maxLength, bool allowLineBreaks)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "must not be empty";
        }

        var index = 0;
        while (index < value.Length)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return UnpairedSurrogate;
            }

            var isLineBreak = rune.Value is '\n' or '\r' or '\t';
            if (Rune.IsControl(rune) && !(allowLineBreaks && isLineBreak))
            {
                return $"contains a control character (U+{rune.Value:X4})";
            }

            index += consumed;
        }

        return VisibleLength(value) > maxLength ? $"must be at most {maxLength} characters" : null;
    }
}
