using System.Text;
using System.Text.Json;
using Workflow.StateMachine.Definition;

namespace Workflow.StateMachine.Cli;

/// <summary>Finds the first problem of a definition and the line it is on (JSON syntax or ASL validation).</summary>
public static class DefinitionDiagnostics
{
    public readonly record struct Problem(long Line, string Message);

    public static Problem? Check(string definition)
    {
        var bytes = Encoding.UTF8.GetBytes(definition);
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            return new Problem((ex.LineNumber ?? 0) + 1, $"invalid JSON: {ex.Message}");
        }

        try
        {
            DefinitionParser.Parse(definition);
            return null;
        }
        catch (DefinitionException ex)
        {
            return new Problem(LineOf(bytes, ex.Location), $"{ex.Problem} (at {ex.Location})");
        }
    }

    /// <summary>The line of the member a location such as <c>/States/Choose/Choices/0/Next</c> points at (or its nearest parent).</summary>
    public static long LineOf(byte[] json, string location)
    {
        var target = location.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var path = new List<string>();
        var arrayIndexes = new Stack<int>();
        var containers = new Stack<bool>();
        var bestDepth = -1;
        long bestOffset = 0;
        var reader = new Utf8JsonReader(json);
        string? pendingName = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingName = reader.GetString();
                    Consider(path.Append(pendingName!).ToList(), reader.TokenStartIndex);
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    var segment = Segment(ref pendingName, containers, arrayIndexes);
                    if (segment is not null)
                    {
                        path.Add(segment);
                        Consider(path, reader.TokenStartIndex);
                    }
                    else if (containers.Count > 0)
                    {
                        path.Add("");
                    }

                    containers.Push(reader.TokenType == JsonTokenType.StartArray);
                    arrayIndexes.Push(-1);
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    containers.Pop();
                    arrayIndexes.Pop();
                    if (path.Count > 0 && containers.Count > 0)
                    {
                        path.RemoveAt(path.Count - 1);
                    }

                    break;
                default:
                    var valueSegment = Segment(ref pendingName, containers, arrayIndexes);
                    if (valueSegment is not null)
                    {
                        Consider(path.Append(valueSegment).ToList(), reader.TokenStartIndex);
                    }

                    break;
            }
        }

        var line = 1L;
        for (var i = 0; i < bestOffset && i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                line++;
            }
        }

        return line;

        void Consider(List<string> current, long offset)
        {
            if (current.Count > target.Length || current.Count <= bestDepth)
            {
                return;
            }

            for (var i = 0; i < current.Count; i++)
            {
                if (current[i] != target[i])
                {
                    return;
                }
            }

            bestDepth = current.Count;
            bestOffset = offset;
        }
    }

    private static string? Segment(ref string? pendingName, Stack<bool> containers, Stack<int> arrayIndexes)
    {
        if (containers.Count == 0)
        {
            return null;
        }

        if (containers.Peek())
        {
            var index = arrayIndexes.Pop() + 1;
            arrayIndexes.Push(index);
            return index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var name = pendingName;
        pendingName = null;
        return name;
    }
}
