using System.Text.Json.Nodes;

namespace Workflow.Functions.Tests.Template;

/// <summary>
/// Sign-in: by default the stack creates a Cognito user pool for the console and wires the API's JWT authorizer to it;
/// an operator passing JwtIssuer and JwtAudience gets no pool and the authorizer trusts that provider instead.
/// </summary>
public class SignInResourceTests
{
    private static readonly SamTemplate Template = SamTemplate.Repository;

    private static readonly string[] CognitoResources =
        ["UserPool", "UserPoolClient", "UserPoolDomain", "ApproverUserPoolGroup", "UserPoolClientOAuthSettings", "UserPoolClientOAuthSettingsFunction", "UserPoolClientOAuthSettingsRole"];

    [Test]
    public void JwtIssuerAndAudience_AreOptional_AndEmptyMeansCreateTheUserPool()
    {
        var parameters = Template.Root["Parameters"]!;
        var condition = Template.Root["Conditions"]!["CreateUserPool"]!.ToJsonString();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)parameters["JwtIssuer"]!["Default"], Is.Empty);
            Assert.That((string?)parameters["JwtAudience"]!["Default"], Is.Empty);
            Assert.That(condition, Does.Contain("""{"Fn::Equals":[{"Ref":"JwtIssuer"},""]}""").And.Contain("""{"Fn::Equals":[{"Ref":"JwtAudience"},""]}"""));
            Assert.That(Template.Root["Rules"]!.AsObject().Select(r => r.Key), Is.EquivalentTo(new[] { "ExternalIssuerNeedsAudience", "ExternalAudienceNeedsIssuer" }));
        }
    }

    [Test]
    public void EveryCognitoResource_ExistsOnlyWhenThePoolIsCreated()
    {
        Assert.That(CognitoResources.Select(id => (string?)Template.Resource(id)["Condition"]), Is.All.EqualTo("CreateUserPool"));
    }

    [Test]
    public void UserPool_IsForInvitedUsersSigningInWithTheirEmail()
    {
        var pool = SamTemplate.PropertiesOf(Template.Resource("UserPool"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((bool?)pool["AdminCreateUserConfig"]?["AllowAdminCreateUserOnly"], Is.True);
            Assert.That(pool["UsernameAttributes"]!.AsArray().Select(a => (string?)a), Is.EqualTo(new[] { "email" }));
        }
    }

    [Test]
    public void AppClient_IsAPublicCodeFlowClient_WhoseCallbackIsTheConsole()
    {
        var client = SamTemplate.PropertiesOf(Template.Resource("UserPoolClient"));
        var oauth = SamTemplate.PropertiesOf(Template.Resource("UserPoolClientOAuthSettings"));
        var consoleUrl = Template.Root["Outputs"]!["ConsoleUrl"]!["Value"]!.ToJsonString();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((bool?)client["GenerateSecret"], Is.False, "a browser app cannot keep a secret");
            Assert.That(SamTemplate.ReferencedLogicalId(client["UserPoolId"]), Is.EqualTo("UserPool"));
            Assert.That(client["CallbackURLs"], Is.Null, "set by the custom resource: the URL needs the API id, which needs the client id");
            Assert.That(SamTemplate.ReferencedLogicalId(oauth["ClientId"]), Is.EqualTo("UserPoolClient"));
            Assert.That(SamTemplate.ReferencedLogicalId(oauth["ServiceToken"]), Is.EqualTo("UserPoolClientOAuthSettingsFunction"));
            Assert.That(oauth["CallbackURLs"]!.AsArray().Single()!.ToJsonString(), Is.EqualTo(consoleUrl));
            Assert.That(oauth["LogoutURLs"]!.AsArray().Single()!.ToJsonString(), Is.EqualTo(consoleUrl));
            Assert.That(oauth["Scopes"]!.AsArray().Select(s => (string?)s), Is.EquivalentTo(new[] { "openid", "email", "profile" }));
            Assert.That(consoleUrl, Does.Contain("${HttpApi}").And.EndWith("/console\"}"));
        }
    }

    [Test]
    public void OAuthSettingsFunction_SetsTheCodeFlow_AndMayOnlyTouchThisPoolsClients()
    {
        var function = SamTemplate.PropertiesOf(Template.Resource("UserPoolClientOAuthSettingsFunction"));
        var code = (string)function["Code"]!["ZipFile"]!;
        var statement = SamTemplate.PropertiesOf(Template.Resource("UserPoolClientOAuthSettingsRole"))["Policies"]![0]!["PolicyDocument"]!["Statement"]![0]!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Does.Contain("AllowedOAuthFlows=[\"code\"]").And.Contain("AllowedOAuthFlowsUserPoolClient=True"));
            Assert.That(code, Does.Contain("describe_user_pool_client"), "UpdateUserPoolClient resets what it is not given");
            Assert.That(code.Length, Is.LessThan(4096), "inline ZipFile code is limited to 4 KB");
            Assert.That(statement["Action"]!.AsArray().Select(a => (string?)a), Is.EquivalentTo(new[] { "cognito-idp:DescribeUserPoolClient", "cognito-idp:UpdateUserPoolClient" }));
            Assert.That(SamTemplate.ReferencedLogicalId(statement["Resource"]), Is.EqualTo("UserPool"));
        }
    }

    [Test]
    public void Domain_AndApproverGroup_BelongToThePool()
    {
        var domain = SamTemplate.PropertiesOf(Template.Resource("UserPoolDomain"));
        var group = SamTemplate.PropertiesOf(Template.Resource("ApproverUserPoolGroup"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(SamTemplate.ReferencedLogicalId(domain["UserPoolId"]), Is.EqualTo("UserPool"));
            Assert.That(domain["Domain"]!.ToJsonString(), Does.Contain("AWS::StackId"), "a unique lower-case prefix whatever the stack is called");
            Assert.That(SamTemplate.ReferencedLogicalId(group["UserPoolId"]), Is.EqualTo("UserPool"));
            Assert.That(SamTemplate.ReferencedLogicalId(group["GroupName"]), Is.EqualTo("ApproverGroup"), "the group the functions check");
        }
    }

    [Test]
    public void Authorizer_TrustsThePool_OrTheGivenIssuer()
    {
        var api = SamTemplate.PropertiesOf(Template.ResourcesOfType("AWS::Serverless::HttpApi").Single().Resource);
        var jwt = api["Auth"]!["Authorizers"]!["JwtAuthorizer"]!["JwtConfiguration"]!;
        var expectedIssuer = JsonNode.Parse("""{"Fn::If":["CreateUserPool",{"Fn::GetAtt":["UserPool","ProviderURL"]},{"Ref":"JwtIssuer"}]}""");
        var expectedAudience = JsonNode.Parse("""[{"Fn::If":["CreateUserPool",{"Ref":"UserPoolClient"},{"Ref":"JwtAudience"}]}]""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonNode.DeepEquals(jwt["issuer"], expectedIssuer), Is.True, jwt["issuer"]?.ToJsonString());
            Assert.That(JsonNode.DeepEquals(jwt["audience"], expectedAudience), Is.True, jwt["audience"]?.ToJsonString());
        }
    }

    [Test]
    public void Outputs_GiveTheConsoleUrl_ThePoolId_AndWhereToSignIn()
    {
        var outputs = Template.Root["Outputs"]!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outputs["ConsoleUrl"], Is.Not.Null);
            Assert.That((string?)outputs["UserPoolId"]!["Condition"], Is.EqualTo("CreateUserPool"));
            Assert.That(outputs["SignInUrl"]!["Value"]!.ToJsonString(), Does.Contain("amazoncognito.com").And.Contain("JwtIssuer"));
        }
    }
}
