namespace Workflow.Domain;

public enum SubmitOutcome
{
    Created,

    /// <summary>The same client re-sent the same body with the same idempotency key.</summary>
    Replayed,

    /// <summary>The idempotency key was used before with a different body.</summary>
    KeyConflict,
    UnsupportedType,
    Invalid,
}

public sealed record SubmitResult(SubmitOutcome Outcome, JobRecord? Job, IReadOnlyList<FieldError> Errors, bool PublishDeferred = false)
{
    public static SubmitResult Of(SubmitOutcome outcome, JobRecord? job = null, bool publishDeferred = false) => new(outcome, job, [], publishDeferred);
}
