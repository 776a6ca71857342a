using System.Globalization;

namespace Workflow.Domain;

/// <summary>Deterministic per job, so a retried Finalize produces the same number: the job's creation date and id.</summary>
public static class PurchaseOrderNumber
{
    public static string For(string jobId, DateTimeOffset createdAt)
    {
        var idPart = new string(jobId.Where(char.IsAsciiLetterOrDigit).Take(8).ToArray()).ToUpperInvariant();
        if (idPart.Length < 8)
        {
            throw new BusinessRuleException($"Job id '{jobId}' is too short for a purchase-order number.");
        }

        return $"PO-{createdAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{idPart}";
    }
}
