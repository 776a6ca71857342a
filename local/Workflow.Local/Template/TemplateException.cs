namespace Workflow.Local.Template;

/// <summary>A problem in the template, reported as <c>file:line: problem</c> (line 0 when no line applies).</summary>
public sealed class TemplateException(string file, int line, string problem) : Exception(Format(file, line, problem))
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Problem { get; } = problem;

    private static string Format(string file, int line, string problem) =>
        line > 0 ? $"{Path.GetFileName(file)}:{line}: {problem}" : $"{Path.GetFileName(file)}: {problem}";
}
