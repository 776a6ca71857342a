using System.Text.Json.Nodes;

namespace Workflow.Aws.Tests.Support;

internal static class JsonAssert
{
    /// <summary>Asserts two JSON texts are the same document, ignoring formatting and string escaping.</summary>
    public static void AreEquivalent(string actual, string expected)
    {
        var equal = JsonNode.DeepEquals(JsonNode.Parse(actual), JsonNode.Parse(expected));
        Assert.That(equal, Is.True, $"JSON differs.{Environment.NewLine}Expected: {expected}{Environment.NewLine}Actual:   {actual}");
    }
}
