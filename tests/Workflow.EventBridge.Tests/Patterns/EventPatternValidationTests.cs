namespace Workflow.EventBridge.Tests.Patterns;

public class EventPatternValidationTests
{
    [TestCase("""{"a":[]}""", "Empty arrays are not allowed")]
    [TestCase("""{"a":{}}""", "Empty objects are not allowed")]
    [TestCase("""{"a":"x"}""", "\"a\" must be an object or an array")]
    [TestCase("""{"a":[["x"]]}""", "Match value must be String, number, true, false, or null")]
    [TestCase("""["a"]""", "Filter is not an object")]
    [TestCase("""{"a":[{"PREFIX":"x"}]}""", "Unrecognized match type PREFIX")]
    [TestCase("""{"a":[{"prefix":"x","suffix":"y"}]}""", "Only one key allowed in match expression")]
    [TestCase("""{"a":[{"prefix":1}]}""", "prefix match pattern must be a string")]
    [TestCase("""{"a":[{"exists":"yes"}]}""", "exists match pattern must be either true or false.")]
    [TestCase("""{"a":[{"numeric":[">",5,"<",1]}]}""", "Bottom must be less than top")]
    [TestCase("""{"a":[{"numeric":["<",1,">",0]}]}""", "Too many elements in numeric expression")]
    [TestCase("""{"a":[{"numeric":["!=",1]}]}""", "Unrecognized numeric range operator: !=")]
    [TestCase("""{"a":[{"numeric":[">","1"]}]}""", "Value of > must be numeric")]
    [TestCase("""{"a":[{"numeric":[">",6e9]}]}""", "Value must be between -5.0E9 and 5.0E9, inclusive")]
    [TestCase("""{"a":[{"numeric":["=",1,"<",2]}]}""", "Too many elements in numeric expression")]
    [TestCase("""{"a":[{"anything-but":[1,"x"]}]}""", "Inside anything but list, either all values are number or string, mixed type is not supported")]
    [TestCase("""{"a":[{"anything-but":[null]}]}""", "Inside anything but list, start|null|boolean is not supported.")]
    [TestCase("""{"a":[{"anything-but":true}]}""", "Value of anything-but must be an array or single string/number value.")]
    [TestCase("""{"a":[{"anything-but":{"numeric":[">",1]}}]}""", "Unsupported anything-but pattern: numeric")]
    [TestCase("""{"a":[{"wildcard":"a**b"}]}""", "Consecutive wildcard characters at pos 2")]
    [TestCase("""{"a":[{"wildcard":"a\\b"}]}""", "Invalid escape character at pos 1")]
    [TestCase("""{"a":[{"cidr":"10.0.0.0"}]}""", "Malformed CIDR, one '/' required")]
    [TestCase("""{"a":[{"cidr":"10.0.0.0/33"}]}""", "Malformed CIDR, mask bits must be between 0 and 32")]
    [TestCase("""{"$or":[{"a":["1"]}]}""", "There must have at least 2 Objects in $or relationship.")]
    [TestCase("""{"$or":{"a":["1"]}}""", "It must be an Array followed with $or.")]
    [TestCase("""{"$or":[{"a":["1"]},"b"]}""", "Only JSON object is allowed in array of $or relationship.")]
    public void InvalidPattern_IsRejectedWithAwsReason(string pattern, string reason)
    {
        var ex = Assert.Throws<InvalidEventPatternException>(() => EventPattern.Parse(pattern));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Reason, Is.EqualTo(reason));
            Assert.That(ex.Message, Does.StartWith("Event pattern is not valid. Reason: "));
        });
    }

    [TestCase("not json")]
    [TestCase("{'a': 1}")]
    [TestCase("""{"a": ["x"]""")]
    public void MalformedJson_IsInvalidPattern(string pattern) =>
        Assert.Throws<InvalidEventPatternException>(() => EventPattern.Parse(pattern));

    [Test]
    public void WildcardWithManyStars_IsTooComplex()
    {
        var ex = Assert.Throws<InvalidEventPatternException>(() => EventPattern.Parse("""{"a":[{"wildcard":"*a*b*c*d*e*f"}]}"""));
        Assert.That(ex!.Reason, Does.StartWith("Rule is too complex"));
    }
}
