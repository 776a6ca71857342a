namespace Workflow.Local.LoadTest;

/// <summary>Nearest-rank percentiles of a set of durations.</summary>
internal sealed class Percentiles(IEnumerable<TimeSpan> samples)
{
    private readonly TimeSpan[] _sorted = [.. samples.Order()];

    public TimeSpan this[double percentile]
    {
        get
        {
            if (_sorted.Length == 0)
            {
                return TimeSpan.Zero;
            }

            var rank = (int)Math.Ceiling(percentile / 100 * _sorted.Length);
            return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
        }
    }

    public TimeSpan Max => _sorted.Length == 0 ? TimeSpan.Zero : _sorted[^1];

    public string Format() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{this[50].TotalMilliseconds:0} / {this[90].TotalMilliseconds:0} / {this[99].TotalMilliseconds:0} ms (max {Max.TotalMilliseconds:0} ms)");
}
