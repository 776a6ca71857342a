using Workflow.Testing;

namespace Workflow.Functions.Tests.Template;

public class CfnLintTests
{
    [Test]
    public async Task CfnLint_ReportsNothingForTemplate()
    {
        ProcessRunner.Result result;
        try
        {
            result = await ProcessRunner.RunAsync("cfn-lint", ["template.yaml"], RepoPaths.Root, TimeSpan.FromMinutes(5));
        }
        catch (InvalidOperationException exception)
        {
            Assert.Fail($"cfn-lint is required for this test (pip install cfn-lint). {exception.Message}");
            return;
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.Describe());
            Assert.That(result.StandardOutput + result.StandardError, Is.Empty, result.Describe());
        }
    }
}
