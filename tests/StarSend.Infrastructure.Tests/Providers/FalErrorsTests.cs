using System.Text;
using Flurl.Http;
using StarSend.Core.Errors;
using StarSend.Infrastructure.Fal;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Tests.Providers;

public sealed class FalErrorsTests
{
    private static readonly TimeProvider Time = TimeProvider.System;

    [Fact]
    public void FromAnswer_FieldErrors_AreListedAsLocationAndMessage()
    {
        var answer = Answer(422, """{"detail":[{"loc":["body","image_url"],"msg":"Image too small","type":"image_too_small"},{"loc":["body","duration"],"msg":"bad","type":"one_of"}]}""");

        var error = FalErrors.FromAnswer(answer, FalCall.Submit, "m", null, Time).Should().BeOfType<ProviderException>().Subject;

        error.Kind.Should().Be(ProviderErrorKind.Validation);
        error.Message.Should().Contain("body.image_url: Image too small; body.duration: bad");
    }

    [Fact]
    public void FromAnswer_FlatBodyWithHeaderType_IsTransientWithRetryAfter()
    {
        var answer = Answer(503, """{"detail":"No runner"}""", ("X-Fal-Error-Type", "runner_scheduling_failure"), ("Retry-After", "12"));

        var error = FalErrors.FromAnswer(answer, FalCall.Status, "id", "id", Time).Should().BeOfType<TransientHttpException>().Subject;

        error.RetryAfter.Should().Be(TimeSpan.FromSeconds(12));
        error.Message.Should().Contain("No runner (runner_scheduling_failure)");
    }

    [Theory]
    [InlineData(401, "Status", ProviderErrorKind.Unauthorized)]
    [InlineData(403, "Submit", ProviderErrorKind.Unauthorized)]
    [InlineData(404, "Submit", ProviderErrorKind.ModelNotFound)]
    [InlineData(410, "Result", ProviderErrorKind.Expired)]
    [InlineData(400, "Submit", ProviderErrorKind.Validation)]
    [InlineData(418, "Submit", ProviderErrorKind.Other)]
    public void FromAnswer_Status_MapsToKind(int status, string call, ProviderErrorKind kind)
    {
        var error = FalErrors.FromAnswer(Answer(status, """{"detail":"x"}"""), Enum.Parse<FalCall>(call), "subject", "rid", Time);

        error.Should().BeOfType<ProviderException>().Which.Kind.Should().Be(kind);
    }

    [Theory]
    [InlineData(404, """{"detail":"Application 'o3' not found"}""")]
    [InlineData(410, """{"detail":"The model has been deprecated and is no longer available.","error_type":"model_deprecated"}""")]
    [InlineData(410, "")]
    [InlineData(422, """{"detail":"This endpoint is deprecated; use fal-ai/kling-video/v3"}""")]
    [InlineData(400, """{"message":"model not found"}""")]
    public void FromAnswer_SubmitToAGoneModel_IsModelNotFound(int status, string body)
    {
        // fal's answer for a withdrawn endpoint is unconfirmed [U]: 404 and 410, any body shape, and deprecation wording all count.
        var error = FalErrors.FromAnswer(Answer(status, body), FalCall.Submit, "fal-ai/old", null, Time);

        var gone = error.Should().BeOfType<ProviderException>().Subject;
        (gone.Kind, gone.HttpStatus).Should().Be((ProviderErrorKind.ModelNotFound, (int?)status));
        gone.Message.Should().Contain("fal-ai/old");
    }

    [Fact]
    public void FromAnswer_ValidationThatMentionsNoRetirement_StaysValidation()
    {
        var error = FalErrors.FromAnswer(Answer(422, """{"detail":"prompt is too long"}"""), FalCall.Submit, "m", null, Time);

        error.Should().BeOfType<ProviderException>().Which.Kind.Should().Be(ProviderErrorKind.Validation);
    }

    [Fact]
    public void FromAnswer_NotJson_KeepsTheStartOfTheBody()
    {
        var error = FalErrors.FromAnswer(Answer(500, "<html>bad gateway</html>"), FalCall.Result, "id", "id", Time);

        error.Message.Should().Contain("<html>bad gateway");
    }

    [Fact]
    public void Request_KeyGoesOnlyToFalHosts()
    {
        var options = new FalOptions { QueueUrl = new Uri("http://127.0.0.1:5000"), RestUrl = new Uri("https://rest.fal.ai"), Key = "k:s" };
        using var connections = ProviderHttp.CreateConnections();
        var api = new FalApi(connections, options, Time, new RetryRunner("fal.ai", new RetrySettings(), Time, Serilog.Core.Logger.None));

        Authorization(api.Request(new Uri("http://127.0.0.1:5000/fal-ai/kling-video/requests/1/status"))).Should().Be("Key k:s");
        Authorization(api.Request(new Uri("https://rest.fal.ai/storage/upload/initiate"))).Should().Be("Key k:s");
        Authorization(api.Request(new Uri("https://queue.fal.run/x"))).Should().Be("Key k:s");
        Authorization(api.Request(new Uri("https://v3b.fal.media/files/x.mp4"))).Should().BeNull();
        Authorization(api.Request(new Uri("http://127.0.0.1:6000/x"))).Should().BeNull();
        Authorization(api.Request(new Uri("http://queue.fal.run/x"))).Should().BeNull("the key never goes over plain http to a host that is not configured");
    }

    /// <summary>The Authorization header the request would send: its own or its Flurl client's.</summary>
    private static string? Authorization(IFlurlRequest request) =>
        request.Headers.Concat(request.Client.Headers).Where(h => h.Name == "Authorization").Select(h => h.Value).FirstOrDefault();

    private static HttpAnswer Answer(int status, string body, params (string Name, string Value)[] headers) =>
        new(status, headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase), Encoding.UTF8.GetBytes(body));
}
