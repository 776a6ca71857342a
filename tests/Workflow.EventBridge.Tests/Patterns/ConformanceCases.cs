using System.Text.Json;

namespace Workflow.EventBridge.Tests.Patterns;

/// <summary>Loads the AWS-checked EventBridge pattern cases from ../shared/conformance/eventbridge-patterns.</summary>
public static class ConformanceCases
{
    public sealed record Case(string Id, string EventText, string PatternText, string Expected)
    {
        public override string ToString() => Id;
    }

    public static string Directory()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Workflow.sln")))
        {
            dir = dir.Parent;
        }
        if (dir is null)
        {
            throw new InvalidOperationException(
                $"Workflow.sln not found above {TestContext.CurrentContext.TestDirectory}; cannot locate the conformance cases.");
        }
        var cases = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance", "eventbridge-patterns"));
        if (!System.IO.Directory.Exists(cases))
        {
            throw new DirectoryNotFoundException($"EventBridge conformance cases missing: expected folder {cases}");
        }
        return cases;
    }

    public static IEnumerable<TestCaseData> All()
    {
        var files = System.IO.Directory.GetFiles(Directory(), "*.json").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException("No EventBridge conformance cases found in " + Directory());
        }
        foreach (var file in files)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var root = doc.RootElement;
            var eventText = root.TryGetProperty("eventText", out var et) ? et.GetString()! : root.GetProperty("event").GetRawText();
            var patternText = root.TryGetProperty("patternText", out var pt) ? pt.GetString()! : root.GetProperty("pattern").GetRawText();
            var id = root.GetProperty("id").GetString()!;
            yield return new TestCaseData(new Case(id, eventText, patternText, root.GetProperty("expected").GetString()!))
                .SetName("Conformance_" + id);
        }
    }
}
