namespace Workflow.Domain;

public sealed record IdempotencyRecord(string ClientId, string Key, string BodyHash, string JobId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
