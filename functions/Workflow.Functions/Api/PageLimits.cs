using System.Globalization;
using Workflow.Functions.Http;

namespace Workflow.Functions.Api;

internal static class PageLimits
{
    public const int Default = 20;
    public const int Max = 100;

    public static int From(HttpApiRequest request)
    {
        var text = request.Query("limit");
        if (text is null)
        {
            return Default;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= Max
            ? limit
            : throw ApiProblemException.Field(400, "Bad request", "limit", $"must be an integer from 1 to {Max}");
    }
}
