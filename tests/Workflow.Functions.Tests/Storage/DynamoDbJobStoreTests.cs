using Amazon.DynamoDBv2.Model;
using Workflow.Domain;
using Workflow.Functions.Storage;
using Workflow.Functions.Tests.Support;

namespace Workflow.Functions.Tests.Storage;

public class DynamoDbJobStoreTests
{
    private TestApp app = null!;

    [SetUp]
    public async Task StartAsync() => app = await TestApp.StartAsync();

    private static JobRecord NewJob(string clientId, DateTimeOffset createdAt, string? id = null) => new()
    {
        Id = id ?? JobIds.New(),
        Type = JobTypes.PurchaseRequest,
        ClientId = clientId,
        Status = JobStatus.Accepted,
        InputJson = TestApp.Input().ToJsonString(),
        CreatedAt = createdAt,
        UpdatedAt = createdAt,
        IdempotencyKey = "key-1",
    };

    [Test]
    public async Task CreateJob_ThenGet_RoundTripsEveryField()
    {
        var job = NewJob("client-a", TestApp.Start);

        Assert.That(await app.Store.CreateJobAsync(job, CancellationToken.None), Is.True);
        var stored = await app.JobAsync(job.Id);

        Assert.That(stored, Is.EqualTo(job));
    }

    [Test]
    public async Task CreateJob_SameIdTwice_DoesNotOverwrite()
    {
        var job = NewJob("client-a", TestApp.Start);
        await app.Store.CreateJobAsync(job, CancellationToken.None);

        var second = await app.Store.CreateJobAsync(job with { ClientId = "intruder" }, CancellationToken.None);

        Assert.That(second, Is.False);
        Assert.That((await app.JobAsync(job.Id)).ClientId, Is.EqualTo("client-a"));
    }

    [Test]
    public async Task ClaimIdempotencyKey_SecondClaim_ReturnsTheFirstRecord()
    {
        var first = new IdempotencyRecord("client-a", "key", "hash-1", "job-1", TestApp.Start, TestApp.Start.AddHours(24));

        var claimed = await app.Store.ClaimIdempotencyKeyAsync(first, CancellationToken.None);
        var again = await app.Store.ClaimIdempotencyKeyAsync(first with { BodyHash = "hash-2", JobId = "job-2" }, CancellationToken.None);

        Assert.That(claimed, Is.Null);
        Assert.That(again!.JobId, Is.EqualTo("job-1"));
        Assert.That(again.BodyHash, Is.EqualTo("hash-1"));
    }

    [Test]
    public async Task ClaimIdempotencyKey_ExpiredRecord_CanBeClaimedAgain()
    {
        var first = new IdempotencyRecord("client-a", "key", "hash-1", "job-1", TestApp.Start, TestApp.Start.AddHours(24));
        await app.Store.ClaimIdempotencyKeyAsync(first, CancellationToken.None);

        var later = TestApp.Start.AddHours(25);
        var claimed = await app.Store.ClaimIdempotencyKeyAsync(first with { JobId = "job-2", CreatedAt = later, ExpiresAt = later.AddHours(24) }, CancellationToken.None);

        Assert.That(claimed, Is.Null);
    }

    [Test]
    public async Task TryTransition_FromWrongStatus_ReturnsFalseAndLeavesTheJob()
    {
        var job = NewJob("client-a", TestApp.Start);
        await app.Store.CreateJobAsync(job, CancellationToken.None);

        var moved = await app.Store.TryTransitionAsync(job.Id, JobStatus.Running, JobStatus.Succeeded, TestApp.Start, null, CancellationToken.None);

        Assert.That(moved, Is.False);
        Assert.That((await app.JobAsync(job.Id)).Status, Is.EqualTo(JobStatus.Accepted));
    }

    [Test]
    public async Task TryTransition_NotAllowedByTheRules_Throws() =>
        Assert.That(() => app.Store.TryTransitionAsync("x", JobStatus.Succeeded, JobStatus.Running, TestApp.Start, null, CancellationToken.None),
            Throws.TypeOf<BusinessRuleException>());

    [Test]
    public async Task TryTransition_MovesTheJobBetweenStatusListings()
    {
        var job = NewJob("client-a", TestApp.Start);
        await app.Store.CreateJobAsync(job, CancellationToken.None);

        await app.Store.TryTransitionAsync(job.Id, JobStatus.Accepted, JobStatus.Running, TestApp.Start.AddSeconds(1), null, CancellationToken.None);
        await app.Store.TryTransitionAsync(job.Id, JobStatus.Running, JobStatus.AwaitingApproval, TestApp.Start.AddSeconds(2), new JobUpdate { DecisionJson = """{"total":1}""" }, CancellationToken.None);

        var accepted = await app.Store.ListJobsByStatusAsync(JobStatus.Accepted, 10, null, CancellationToken.None);
        var awaiting = await app.Store.ListJobsByStatusAsync(JobStatus.AwaitingApproval, 10, null, CancellationToken.None);
        Assert.That(accepted.Jobs, Is.Empty);
        Assert.That(awaiting.Jobs.Single().Id, Is.EqualTo(job.Id));
        Assert.That(awaiting.Jobs.Single().DecisionJson, Is.EqualTo("""{"total":1}"""));
    }

    [Test]
    public async Task ListJobsByClient_PagesNewestFirstWithoutOverlap()
    {
        var ids = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            var job = NewJob("client-a", TestApp.Start.AddMinutes(i));
            ids.Add(job.Id);
            await app.Store.CreateJobAsync(job, CancellationToken.None);
        }

        await app.Store.CreateJobAsync(NewJob("client-b", TestApp.Start), CancellationToken.None);

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await app.Store.ListJobsByClientAsync("client-a", 10, token, CancellationToken.None);
            seen.AddRange(page.Jobs.Select(j => j.Id));
            token = page.NextToken;
            pages++;
        }
        while (token is not null && pages < 10);

        ids.Reverse();
        Assert.That(seen, Is.EqualTo(ids));
        Assert.That(pages, Is.InRange(3, 4));
    }

    [Test]
    public async Task ListJobsByClient_TokenOfAnotherClient_IsRejected()
    {
        for (var i = 0; i < 3; i++)
        {
            await app.Store.CreateJobAsync(NewJob("client-a", TestApp.Start.AddMinutes(i)), CancellationToken.None);
        }

        var page = await app.Store.ListJobsByClientAsync("client-a", 1, null, CancellationToken.None);

        Assert.That(page.NextToken, Is.Not.Null);
        Assert.That(() => app.Store.ListJobsByClientAsync("client-b", 1, page.NextToken, CancellationToken.None), Throws.TypeOf<InvalidPageTokenException>());
        Assert.That(() => app.Store.ListJobsByClientAsync("client-a", 1, "not-a-token!", CancellationToken.None), Throws.TypeOf<InvalidPageTokenException>());
    }

    [Test]
    public async Task TryRecordApproval_TwoConcurrentDecisions_ExactlyOneWins()
    {
        var job = NewJob("client-a", TestApp.Start) with { Status = JobStatus.AwaitingApproval };
        await app.Store.CreateJobAsync(job, CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => app.Store.TryRecordApprovalAsync(
            job.Id,
            new ApprovalRecord(i % 2 == 0 ? ApprovalRecord.Approved : ApprovalRecord.Rejected, $"approver-{i}", TestApp.Start, null),
            i % 2 == 0 ? JobStatus.Running : JobStatus.Rejected,
            TestApp.Start,
            CancellationToken.None)));

        Assert.That(results.Count(r => r), Is.EqualTo(1));
        Assert.That((await app.JobAsync(job.Id)).Approval, Is.Not.Null);
    }

    [Test]
    public async Task TryRevertApproval_AfterTheJobMovedOn_DoesNothing()
    {
        var job = NewJob("client-a", TestApp.Start) with { Status = JobStatus.AwaitingApproval };
        await app.Store.CreateJobAsync(job, CancellationToken.None);
        var approval = new ApprovalRecord(ApprovalRecord.Approved, "approver", TestApp.Start.AddMinutes(1), "ok");
        await app.Store.TryRecordApprovalAsync(job.Id, approval, JobStatus.Running, approval.At, CancellationToken.None);
        await app.Store.TryTransitionAsync(job.Id, JobStatus.Running, JobStatus.Succeeded, TestApp.Start.AddMinutes(2), null, CancellationToken.None);

        var reverted = await app.Store.TryRevertApprovalAsync(job.Id, approval, TestApp.Start.AddMinutes(3), CancellationToken.None);

        Assert.That(reverted, Is.False);
        Assert.That((await app.JobAsync(job.Id)).Status, Is.EqualTo(JobStatus.Succeeded));
    }

    [Test]
    public async Task TaskToken_IsStoredReadAndDeletedBesideTheJob()
    {
        await app.Store.SaveTaskTokenAsync("job-1", "token-abc", TestApp.Start.AddDays(30), CancellationToken.None);

        Assert.That(await app.Store.GetTaskTokenAsync("job-1", CancellationToken.None), Is.EqualTo("token-abc"));
        await app.Store.DeleteTaskTokenAsync("job-1", CancellationToken.None);
        Assert.That(await app.Store.GetTaskTokenAsync("job-1", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Budget_CommitSpend_CountsEachJobOnce()
    {
        await app.Store.PutBudgetAsync(new BudgetRecord("CC-1", "EUR", 1000m, 100m), CancellationToken.None);

        var first = await app.Store.TryCommitSpendAsync("CC-1", "job-1", 250.55m, CancellationToken.None);
        var retry = await app.Store.TryCommitSpendAsync("CC-1", "job-1", 250.55m, CancellationToken.None);
        var budget = await app.Store.GetBudgetAsync("CC-1", CancellationToken.None);

        Assert.That(first, Is.True);
        Assert.That(retry, Is.False);
        Assert.That(budget, Is.EqualTo(new BudgetRecord("CC-1", "EUR", 1000m, 350.55m)));
        Assert.That(budget!.Remaining, Is.EqualTo(649.45m));
    }

    [Test]
    public async Task GetJob_ReadsAttributesWrittenByTheStateMachine()
    {
        var job = NewJob("client-a", TestApp.Start);
        await app.Store.CreateJobAsync(job, CancellationToken.None);
        await app.DynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = app.Table,
            Key = new() { ["pk"] = new() { S = $"JOB#{job.Id}" }, ["sk"] = new() { S = "JOB" } },
            UpdateExpression = "SET #status = :rejected, approval = :approval, decision = :decision, stepResults = :steps, startedAt = :t, completedAt = :t, executionArn = :arn",
            ExpressionAttributeNames = new() { ["#status"] = "status" },
            ExpressionAttributeValues = new()
            {
                [":rejected"] = new() { S = "REJECTED" },
                [":approval"] = new() { S = """{"outcome":"TIMED_OUT","by":"workflow","at":"2026-03-02T10:00:00.123Z","comment":"No decision within 60 seconds."}""" },
                [":decision"] = new() { M = new() { ["needsApproval"] = new() { BOOL = true }, ["total"] = new() { N = "1200.50" } } },
                [":steps"] = new() { S = """[{"valid":true}]""" },
                [":t"] = new() { S = "2026-03-02T09:00:01.5Z" },
                [":arn"] = new() { S = "arn:aws:states:us-east-1:123456789012:execution:sm:abc" },
            },
        });

        var stored = await app.JobAsync(job.Id);

        Assert.That(stored.Status, Is.EqualTo(JobStatus.Rejected));
        Assert.That(stored.Approval, Is.EqualTo(new ApprovalRecord("TIMED_OUT", "workflow", new DateTimeOffset(2026, 3, 2, 10, 0, 0, 123, TimeSpan.Zero), "No decision within 60 seconds.")));
        Assert.That(stored.DecisionJson, Is.EqualTo("""{"needsApproval":true,"total":1200.5}"""));
        Assert.That(stored.StepResultsJson, Is.EqualTo("""[{"valid":true}]"""));
        Assert.That(stored.StartedAt, Is.EqualTo(new DateTimeOffset(2026, 3, 2, 9, 0, 1, 500, TimeSpan.Zero)));
        Assert.That(stored.ExecutionArn, Does.StartWith("arn:aws:states:"));
    }

    [Test]
    public async Task ListJobsByStatusUpdatedBefore_ReturnsOnlyStaleJobsOldestFirst()
    {
        var old1 = NewJob("c", TestApp.Start);
        var old2 = NewJob("c", TestApp.Start.AddMinutes(1));
        var fresh = NewJob("c", TestApp.Start.AddMinutes(10));
        foreach (var job in new[] { old2, fresh, old1 })
        {
            await app.Store.CreateJobAsync(job, CancellationToken.None);
        }

        var stale = await app.Store.ListJobsByStatusUpdatedBeforeAsync(JobStatus.Accepted, TestApp.Start.AddMinutes(5), 10, CancellationToken.None);

        Assert.That(stale.Select(j => j.Id), Is.EqualTo(new[] { old1.Id, old2.Id }));
    }
}
