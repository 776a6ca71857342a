namespace Workflow.Jsonata;

/// <summary>An analysed XPath date/time picture such as <c>[Y0001]-[M01]-[D01]</c>: literals and component markers.</summary>
internal sealed class DateTimePicture
{
    internal sealed class Marker
    {
        public char Component { get; init; }

        public string Presentation1 { get; set; } = string.Empty;

        public char? Presentation2 { get; set; }

        public int? MinWidth { get; set; }

        public int? MaxWidth { get; set; }

        /// <summary>Name presentation (N, n, Nn), or null for numbers.</summary>
        public IntegerPicture.LetterCase? Names { get; set; }

        public IntegerPicture? IntegerFormat { get; set; }

        /// <summary>Digits of the year to show (Y only); -1 for all.</summary>
        public int YearDigits { get; set; } = -1;
    }

    private static readonly Dictionary<char, string> DefaultPresentation = new()
    {
        ['Y'] = "1", ['M'] = "1", ['D'] = "1", ['d'] = "1", ['F'] = "n", ['W'] = "1", ['w'] = "1", ['X'] = "1", ['x'] = "1",
        ['H'] = "1", ['h'] = "1", ['P'] = "n", ['m'] = "01", ['s'] = "01", ['f'] = "1", ['Z'] = "01:01", ['z'] = "01:01",
        ['C'] = "n", ['E'] = "n",
    };

    /// <summary>Each part is a literal string or a <see cref="Marker"/>.</summary>
    public List<object> Parts { get; } = [];

    public static DateTimePicture Analyse(string picture)
    {
        var result = new DateTimePicture();
        var start = 0;
        var pos = 0;
        while (pos < picture.Length)
        {
            if (picture[pos] == '[')
            {
                if (pos + 1 < picture.Length && picture[pos + 1] == '[')
                {
                    result.AddLiteral(picture, start, pos);
                    result.Parts.Add("[");
                    pos += 2;
                    start = pos;
                    continue;
                }

                result.AddLiteral(picture, start, pos);
                start = pos;
                pos = picture.IndexOf(']', start);
                if (pos == -1)
                {
                    throw new JsonataException("D3135", "No matching closing bracket ']' in date/time picture string");
                }

                var marker = string.Concat(picture[(start + 1)..pos].Where(c => !char.IsWhiteSpace(c)));
                result.Parts.Add(AnalyseMarker(marker));
                start = pos + 1;
            }

            pos++;
        }

        result.AddLiteral(picture, start, pos);
        return result;
    }

    private void AddLiteral(string picture, int start, int end)
    {
        if (end > start)
        {
            Parts.Add(picture[start..end].Replace("]]", "]", StringComparison.Ordinal));
        }
    }

    private static Marker AnalyseMarker(string marker)
    {
        var def = new Marker { Component = marker.Length > 0 ? marker[0] : ' ' };
        var comma = marker.LastIndexOf(',');
        string presentation;
        if (comma != -1)
        {
            var widthModifier = marker[(comma + 1)..];
            var dash = widthModifier.IndexOf('-', StringComparison.Ordinal);
            def.MinWidth = ParseWidth(dash == -1 ? widthModifier : widthModifier[..dash]);
            def.MaxWidth = dash == -1 ? null : ParseWidth(widthModifier[(dash + 1)..]);
            presentation = marker[1..comma];
        }
        else
        {
            presentation = marker.Length > 0 ? marker[1..] : string.Empty;
        }

        if (presentation.Length == 1)
        {
            def.Presentation1 = presentation;
        }
        else if (presentation.Length > 1)
        {
            var last = presentation[^1];
            if ("atco".Contains(last, StringComparison.Ordinal))
            {
                def.Presentation2 = last;
                def.Presentation1 = presentation[..^1];
            }
            else
            {
                def.Presentation1 = presentation;
            }
        }
        else if (DefaultPresentation.TryGetValue(def.Component, out var fallback))
        {
            def.Presentation1 = fallback;
        }
        else
        {
            throw new JsonataException("D3132", $"Unknown component specifier {def.Component} in date/time picture string", value: def.Component.ToString());
        }

        if (def.Presentation1[0] == 'n')
        {
            def.Names = IntegerPicture.LetterCase.Lower;
        }
        else if (def.Presentation1[0] == 'N')
        {
            def.Names = def.Presentation1.Length > 1 && def.Presentation1[1] == 'n' ? IntegerPicture.LetterCase.Title : IntegerPicture.LetterCase.Upper;
        }
        else if ("YMDdFWwXxHhmsf".Contains(def.Component, StringComparison.Ordinal))
        {
            var pattern = def.Presentation1 + (def.Presentation2 is { } p2 ? ";" + p2 : string.Empty);
            def.IntegerFormat = IntegerPicture.Analyse(pattern);
            if (def.MinWidth is { } min && def.IntegerFormat.MandatoryDigits < min)
            {
                def.IntegerFormat.MandatoryDigits = min;
            }

            if (def.Component == 'Y')
            {
                if (def.MaxWidth is { } max)
                {
                    def.YearDigits = max;
                    def.IntegerFormat.MandatoryDigits = max;
                }
                else
                {
                    var w = def.IntegerFormat.MandatoryDigits + def.IntegerFormat.OptionalDigits;
                    if (w >= 2)
                    {
                        def.YearDigits = w;
                    }
                }
            }
        }

        if (def.Component is 'Z' or 'z')
        {
            def.IntegerFormat = IntegerPicture.Analyse(def.Presentation1);
        }

        return def;
    }

    private static int? ParseWidth(string text) =>
        text.Length == 0 || text == "*" ? null : int.TryParse(text, out var n) ? n : null;
}
