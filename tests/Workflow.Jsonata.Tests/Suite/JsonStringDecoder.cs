using System.Globalization;
using System.Text;

namespace Workflow.Jsonata.Tests.Suite;

/// <summary>Decodes a quoted JSON string literal, keeping lone surrogate escapes as the UTF-16 units they name.</summary>
internal static class JsonStringDecoder
{
    public static string Decode(string quoted)
    {
        var b = new StringBuilder();
        for (var i = 1; i < quoted.Length - 1; i++)
        {
            var c = quoted[i];
            if (c != '\\')
            {
                b.Append(c);
                continue;
            }

            var e = quoted[++i];
            switch (e)
            {
                case 'u':
                    b.Append((char)int.Parse(quoted.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                case 'n': b.Append('\n'); break;
                case 't': b.Append('\t'); break;
                case 'r': b.Append('\r'); break;
                case 'b': b.Append('\b'); break;
                case 'f': b.Append('\f'); break;
                default: b.Append(e); break;
            }
        }

        return b.ToString();
    }
}
