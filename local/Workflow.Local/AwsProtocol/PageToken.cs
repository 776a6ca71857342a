using System.Globalization;
using System.Text;

namespace Workflow.Local.AwsProtocol;

/// <summary>Opaque pagination tokens: the offset of the next item, bound to the listing they came from.</summary>
public static class PageToken
{
    public static string Create(string scope, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{offset}|{scope}")));

    /// <summary>The offset encoded in <paramref name="token"/> (0 for none); throws AWS's <c>InvalidToken</c> for a bad one.</summary>
    public static int Read(string? token, string scope, string errorTypePrefix)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && text[(bar + 1)..] == scope
                && int.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to InvalidToken.
        }

        throw new AwsServiceException(errorTypePrefix + "InvalidToken", "InvalidToken", $"Invalid Token: '{token}'");
    }

    /// <summary>The page of <paramref name="items"/> at <paramref name="offset"/> and the token for the next one.</summary>
    public static (IReadOnlyList<T> Page, string? NextToken) Slice<T>(IReadOnlyList<T> items, int offset, int? maxResults, int defaultSize, string scope)
    {
        ArgumentNullException.ThrowIfNull(items);
        var size = maxResults is > 0 ? Math.Min(maxResults.Value, 1000) : defaultSize;
        var page = items.Skip(offset).Take(size).ToList();
        var next = offset + page.Count < items.Count ? Create(scope, offset + page.Count) : null;
        return (page, next);
    }
}
