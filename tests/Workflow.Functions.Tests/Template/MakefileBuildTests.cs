using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;
using Workflow.Testing;

namespace Workflow.Functions.Tests.Template;

/// <summary>Runs the Makefile target `sam build` would run and checks the artifact the Lambda runtime receives.</summary>
[NonParallelizable]
public class MakefileBuildTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private string _artifacts = null!;

    [SetUp]
    public void CreateArtifactsFolder() =>
        _artifacts = Directory.CreateTempSubdirectory("workflow-sam-artifacts-").FullName;

    [TearDown]
    public void DeleteArtifactsFolder() => Directory.Delete(_artifacts, recursive: true);

    [Test]
    public async Task BuildTarget_PublishesReadyToRunFrameworkDependentLinuxX64Artifact()
    {
        var target = Path.Combine(_artifacts, "GetJobFunction");
        await RunMakeAsync("build-GetJobFunction", target);

        var assembly = Path.Combine(target, "Workflow.Functions.dll");
        Assert.That(assembly, Does.Exist);

        var runtimeConfig = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(target, "Workflow.Functions.runtimeconfig.json")))!;
        var deps = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(target, "Workflow.Functions.deps.json")))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(HasReadyToRunCode(assembly), Is.True, "Workflow.Functions.dll has no ReadyToRun (ManagedNativeHeader) code");
            Assert.That((string?)runtimeConfig["runtimeOptions"]?["tfm"], Is.EqualTo("net10.0"));
            Assert.That((string?)runtimeConfig["runtimeOptions"]?["framework"]?["name"], Is.EqualTo("Microsoft.NETCore.App"),
                "framework-dependent: the managed runtime provides .NET");
            Assert.That(runtimeConfig["runtimeOptions"]?["includedFrameworks"], Is.Null, "must not be self-contained");
            Assert.That((string?)deps["runtimeTarget"]?["name"], Is.EqualTo(".NETCoreApp,Version=v10.0/linux-x64"));
            Assert.That(Path.Combine(target, "Workflow.Domain.dll"), Does.Exist);
            Assert.That(Path.Combine(target, "Workflow.Aws.dll"), Does.Exist);
            Assert.That(Path.Combine(target, "AWSSDK.DynamoDBv2.dll"), Does.Exist);
            Assert.That(Path.Combine(target, "System.Private.CoreLib.dll"), Does.Not.Exist, "the framework must not be copied");
        }
    }

    [Test]
    public async Task SecondTarget_ReusesThePublishAndStillGetsTheCompleteArtifact()
    {
        var first = Path.Combine(_artifacts, "ListJobsFunction");
        var second = Path.Combine(_artifacts, "FinalizeFunction");
        await RunMakeAsync("build-ListJobsFunction", first);
        Directory.CreateDirectory(second);
        await File.WriteAllTextAsync(Path.Combine(second, "stale.txt"), "left over from an older build");

        var output = await RunMakeAsync("build-FinalizeFunction", second);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(output, Does.Contain("reusing publish output"));
            Assert.That(RelativeFiles(second), Is.EquivalentTo(RelativeFiles(first)));
        }
    }

    [Test]
    public async Task UnknownFunction_HasNoBuildTarget()
    {
        var result = await ProcessRunner.RunAsync("make",
            ["-C", RepoPaths.InRepo("functions"), "build-NoSuchFunction", $"ARTIFACTS_DIR={_artifacts}"],
            RepoPaths.Root, BuildTimeout);

        Assert.That(result.ExitCode, Is.Not.Zero, result.Describe());
    }

    private static async Task<string> RunMakeAsync(string target, string artifactsDirectory)
    {
        ProcessRunner.Result result;
        try
        {
            result = await ProcessRunner.RunAsync("make",
                ["-C", RepoPaths.InRepo("functions"), target, $"ARTIFACTS_DIR={artifactsDirectory}"],
                RepoPaths.Root, BuildTimeout);
        }
        catch (InvalidOperationException exception)
        {
            Assert.Fail($"GNU make is required for this test. {exception.Message}");
            throw;
        }

        Assert.That(result.ExitCode, Is.Zero, result.Describe());
        return result.StandardOutput;
    }

    private static bool HasReadyToRunCode(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        return reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }

    private static List<string> RelativeFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(folder, file))
            .ToList();
}
