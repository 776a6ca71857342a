using System.Text.Json.Nodes;
using Workflow.StateMachine.Cli;

namespace Workflow.StateMachine.Tests.Cli;

public sealed class AslCommandTests
{
    private string directory = "";

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("asl-cli-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public async Task Run_ValidDefinition_PrintsStatusOutputAndHistory()
    {
        var path = Write("ok.asl.json", """
            {"StartAt":"W","States":{
              "W":{"Type":"Wait","Seconds":3600,"Next":"T"},
              "T":{"Type":"Task","Resource":"arn:aws:states:::any:thing","Parameters":{"doubled.$":"States.MathAdd($.n, $.n)"},"End":true}}}
            """);
        var (code, stdout, _) = await RunAsync("run", path, "--input", """{"n":21}""");

        Assert.That(code, Is.Zero);
        var result = JsonNode.Parse(stdout)!.AsObject();
        Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"));
        Assert.That(result["output"]!["doubled"]!.GetValue<int>(), Is.EqualTo(42));
        Assert.That(result["history"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()), Does.Contain("WaitStateExited").And.Contain("TaskSucceeded"));
    }

    [Test]
    public async Task Run_DefinitionWithUnknownField_PrintsFileLineAndProblem()
    {
        var path = Write("bad.asl.json", "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": {\"Type\": \"Pass\", \"End\": true,\n      \"Nxt\": \"B\"}\n  }\n}\n");
        var (code, _, stderr) = await RunAsync("run", path);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr.Trim(), Does.StartWith($"{path}: line 5: ").And.Contain("Nxt"));
    }

    [Test]
    public async Task Run_DefinitionWithJsonSyntaxError_ReportsTheLine()
    {
        var path = Write("broken.asl.json", "{\n  \"StartAt\": \"A\",\n  \"States\": {,\n}");
        var (code, _, stderr) = await RunAsync("run", path);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr.Trim(), Does.StartWith($"{path}: line 3: invalid JSON"));
    }

    [Test]
    public async Task Run_FailingExecution_PrintsErrorAndCauseAndExitsNonZero()
    {
        var path = Write("fail.asl.json", """{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Boom","Cause":"because"}}}""");
        var (code, stdout, _) = await RunAsync("run", path);

        Assert.That(code, Is.EqualTo(3));
        var result = JsonNode.Parse(stdout)!.AsObject();
        Assert.That((result["status"]!.GetValue<string>(), result["error"]!.GetValue<string>(), result["cause"]!.GetValue<string>()), Is.EqualTo(("FAILED", "Boom", "because")));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await AslCommand.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
