namespace Workflow.Domain;

public static class JobStatusNames
{
    public static string ToWire(this JobStatus status) => status switch
    {
        JobStatus.Accepted => "ACCEPTED",
        JobStatus.Running => "RUNNING",
        JobStatus.AwaitingApproval => "AWAITING_APPROVAL",
        JobStatus.Succeeded => "SUCCEEDED",
        JobStatus.Failed => "FAILED",
        JobStatus.Rejected => "REJECTED",
        JobStatus.Cancelled => "CANCELLED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown job status."),
    };

    public static bool TryParse(string? wire, out JobStatus status)
    {
        foreach (var candidate in Enum.GetValues<JobStatus>())
        {
            if (string.Equals(candidate.ToWire(), wire, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static JobStatus Parse(string? wire) =>
        TryParse(wire, out var status) ? status : throw new FormatException($"'{wire}' is not a job status.");
}
