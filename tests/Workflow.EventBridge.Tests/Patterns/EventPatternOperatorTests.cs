namespace Workflow.EventBridge.Tests.Patterns;

public class EventPatternOperatorTests
{
    private static bool Match(string pattern, string @event) => EventPattern.Parse(pattern).Matches(@event);

    [TestCase("""{"a":["x"]}""", """{"a":"x"}""", true)]
    [TestCase("""{"a":["x"]}""", """{"a":"X"}""", false)]
    [TestCase("""{"a":[5]}""", """{"a":5.0}""", true)]
    [TestCase("""{"a":[5]}""", """{"a":"5"}""", false)]
    [TestCase("""{"a":["5"]}""", """{"a":5}""", false)]
    [TestCase("""{"a":[null]}""", """{"a":null}""", true)]
    [TestCase("""{"a":[null]}""", """{}""", false)]
    [TestCase("""{"a":[true]}""", """{"a":true}""", true)]
    [TestCase("""{"a":[true]}""", """{"a":"true"}""", false)]
    [TestCase("""{"a":[""]}""", """{"a":""}""", true)]
    [TestCase("""{"a":["x","y"]}""", """{"a":"y"}""", true)]
    [TestCase("""{"a":["x"]}""", """{"a":["q","x"]}""", true)]
    [TestCase("""{"a":{"b":["x"]}}""", """{"a":{"b":"x"}}""", true)]
    [TestCase("""{"a":{"b":["x"]}}""", """{"a":[{"b":"y"},{"b":"x"}]}""", true)]
    [TestCase("""{"a.b":["x"]}""", """{"a":{"b":"x"}}""", true)]
    [TestCase("""{"a":["10.0.0.1"]}""", """{"a":"10.0.0.1"}""", true)]
    [TestCase("""{"a":["2001:db8::1"]}""", """{"a":"2001:0db8:0:0:0:0:0:1"}""", true)]
    [TestCase("""{"a":[12345678901234]}""", """{"a":12345678901234}""", true)]
    public void ExactValue_MatchesOnlyTheSameTypeAndValue(string pattern, string @event, bool expected) =>
        Assert.That(Match(pattern, @event), Is.EqualTo(expected));

    [TestCase("""{"a":[{"prefix":"us-"}]}""", """{"a":"us-east-1"}""", true)]
    [TestCase("""{"a":[{"prefix":"us-"}]}""", """{"a":"eu-west-1"}""", false)]
    [TestCase("""{"a":[{"prefix":"us-"}]}""", """{"a":5}""", false)]
    [TestCase("""{"a":[{"prefix":{"equals-ignore-case":"EventB"}}]}""", """{"a":"eventbridge"}""", true)]
    [TestCase("""{"a":[{"suffix":".png"}]}""", """{"a":"x.png"}""", true)]
    [TestCase("""{"a":[{"suffix":".png"}]}""", """{"a":"x.PNG"}""", false)]
    [TestCase("""{"a":[{"suffix":{"equals-ignore-case":".png"}}]}""", """{"a":"x.PNG"}""", true)]
    [TestCase("""{"a":[{"equals-ignore-case":"alice"}]}""", """{"a":"ALICE"}""", true)]
    [TestCase("""{"a":[{"equals-ignore-case":"alice"}]}""", """{"a":"bob"}""", false)]
    public void PrefixSuffixAndIgnoreCase_MatchStringsOnlyAsWritten(string pattern, string @event, bool expected) =>
        Assert.That(Match(pattern, @event), Is.EqualTo(expected));

    [TestCase("""{"a":[{"anything-but":"x"}]}""", """{"a":"y"}""", true)]
    [TestCase("""{"a":[{"anything-but":"x"}]}""", """{"a":"x"}""", false)]
    [TestCase("""{"a":[{"anything-but":"x"}]}""", """{"a":null}""", true)]
    [TestCase("""{"a":[{"anything-but":"x"}]}""", """{}""", false)]
    [TestCase("""{"a":[{"anything-but":[1,2]}]}""", """{"a":2.0}""", false)]
    [TestCase("""{"a":[{"anything-but":[1,2]}]}""", """{"a":3}""", true)]
    [TestCase("""{"a":[{"anything-but":{"prefix":"us-"}}]}""", """{"a":"eu-1"}""", true)]
    [TestCase("""{"a":[{"anything-but":{"prefix":"us-"}}]}""", """{"a":"us-1"}""", false)]
    [TestCase("""{"a":[{"anything-but":{"suffix":[".png",".jpg"]}}]}""", """{"a":"x.jpg"}""", false)]
    [TestCase("""{"a":[{"anything-but":{"wildcard":"*/lib/*"}}]}""", """{"a":"/usr/lib/x"}""", false)]
    [TestCase("""{"a":[{"anything-but":{"wildcard":"*/lib/*"}}]}""", """{"a":"/usr/bin/x"}""", true)]
    [TestCase("""{"a":[{"anything-but":{"equals-ignore-case":["A","b"]}}]}""", """{"a":"B"}""", false)]
    [TestCase("""{"a":[{"anything-but":{"equals-ignore-case":["A","b"]}}]}""", """{"a":"c"}""", true)]
    public void AnythingBut_MatchesPresentValuesOutsideTheExclusion(string pattern, string @event, bool expected) =>
        Assert.That(Match(pattern, @event), Is.EqualTo(expected));

    [TestCase("""{"a":[{"numeric":[">",0,"<=",5]}]}""", """{"a":5}""", true)]
    [TestCase("""{"a":[{"numeric":[">",0,"<=",5]}]}""", """{"a":0}""", false)]
    [TestCase("""{"a":[{"numeric":[">=",0,"<",5]}]}""", """{"a":0}""", true)]
    [TestCase("""{"a":[{"numeric":[">=",0,"<",5]}]}""", """{"a":5}""", false)]
    [TestCase("""{"a":[{"numeric":["=",301.8]}]}""", """{"a":3.018e2}""", true)]
    [TestCase("""{"a":[{"numeric":["<",10]}]}""", """{"a":-1e3}""", true)]
    [TestCase("""{"a":[{"numeric":["<",10]}]}""", """{"a":"5"}""", false)]
    [TestCase("""{"a":[{"numeric":[">",1]}]}""", """{"a":[0,2]}""", true)]
    public void Numeric_MatchesNumbersInsideTheRangeOnly(string pattern, string @event, bool expected) =>
        Assert.That(Match(pattern, @event), Is.EqualTo(expected));

    [TestCase("""{"a":[{"exists":true}]}""", """{"a":"x"}""", true)]
    [TestCase("""{"a":[{"exists":true}]}""", """{"a":null}""", true)]
    [TestCase("""{"a":[{"exists":true}]}""", """{"a":[]}""", false)]
    [TestCase("""{"a":[{"exists":true}]}""", """{"a":{"b":1}}""", false)]
    [TestCase("""{"a":[{"exists":false}]}""", """{}""", true)]
    [TestCase("""{"a":[{"exists":false}]}""", """{"a":1}""", false)]
    [TestCase("""{"a":[{"exists":false}]}""", """{"a":{"b":1}}""", true)]
    public void Exists_MatchesByPresenceOfALeafValue(string pattern, string @event, bool expected) =>
        Assert.That(Match(pattern, @event), Is.EqualTo(expected));

    [TestCase("""{"ip":[{"cidr":"10.0.0.0/24"}]}""", """{"ip":"10.0.0.255"}""", true)]
    [TestCase("""{"ip":[{"cidr":"10.0.0.0/24"}]}""", """{"ip":"10.0.1.0"}""", false)]
    [TestCase("""{"ip":[{"cidr":"10.0.0.0/24"}]}""", """{"ip":"not-an-ip"}""", false)]
    [TestCase("""{"ip":[{"cidr":"2001:db8:1234:1a00::/64"}]}""", """{"ip":"2001:db8:1234:1a00::9"}""", true)]
    [TestCase("""{"ip":[{"cidr":"2001:db8:1234:1a00::/64"}]}""", """{"ip":"2001:db8:1234:1a01::"}""", false)]
    [TestCase("""{"ip":[{"cidr":"0.0.0.0/0"}]}""", """{"ip":"8.8.8.8"}""", true)]
    public void Cidr_MatchesAddressesInsideTheBlockOnly(string pattern, string @event, bool expected) =>
        Assert.That(Match(pattern, @event), Is.EqualTo(expected));

    [TestCase("*.png", "a.png", true)]
    [TestCase("*.png", "a.png.txt", false)]
    [TestCase("a*b*c", "abc", true)]
    [TestCase("a*b*c", "axxbyyc", true)]
    [TestCase("a*b*c", "axxcyyb", false)]
    [TestCase(@"a\*b", "a*b", true)]
    [TestCase(@"a\*b", "axb", false)]
    [TestCase(@"a\\*", @"a\zzz", true)]
    [TestCase("exact", "exact", true)]
    [TestCase("*", "", true)]
    public void Wildcard_StarMatchesAnyRunAndBackslashEscapes(string wildcard, string value, bool expected)
    {
        var pattern = $$"""{"a":[{"wildcard":{{System.Text.Json.JsonSerializer.Serialize(wildcard)}}}]}""";
        var @event = $$"""{"a":{{System.Text.Json.JsonSerializer.Serialize(value)}}}""";
        Assert.That(Match(pattern, @event), Is.EqualTo(expected));
    }

    [TestCase("""{"$or":[{"a":["1"]},{"b":["2"]}]}""", """{"b":"2"}""", true)]
    [TestCase("""{"$or":[{"a":["1"]},{"b":["2"]}]}""", """{"c":"3"}""", false)]
    [TestCase("""{"s":["x"],"$or":[{"a":["1"]},{"b":["2"]}]}""", """{"s":"y","a":"1"}""", false)]
    [TestCase("""{"d":{"$or":[{"a":["1"]},{"$or":[{"b":["2"]},{"c":["3"]}]}]}}""", """{"d":{"c":"3"}}""", true)]
    [TestCase("""{"$or":[{"a":["1"]},{"b":["2"]}],"s":["x"]}""", """{"s":"x","b":"2"}""", true)]
    public void Or_MatchesWhenAnyAlternativeMatchesAlongsideOtherFields(string pattern, string @event, bool expected) =>
        Assert.That(Match(pattern, @event), Is.EqualTo(expected));

    [Test]
    public void DuplicateKeys_LastOccurrenceWins()
    {
        var pattern = EventPattern.Parse("""{"a":["first"],"a":["second"]}""");
        Assert.Multiple(() =>
        {
            Assert.That(pattern.Matches("""{"a":"second"}"""), Is.True);
            Assert.That(pattern.Matches("""{"a":"first"}"""), Is.False);
        });
    }

    [Test]
    public void Matches_JsonElementOverloadAgreesWithText()
    {
        using var doc = System.Text.Json.JsonDocument.Parse("""{"source":"orders","detail":{"n":3}}""");
        var pattern = EventPattern.Parse("""{"source":["orders"],"detail":{"n":[{"numeric":[">",2]}]}}""");
        Assert.That(pattern.Matches(doc.RootElement), Is.True);
    }
}
