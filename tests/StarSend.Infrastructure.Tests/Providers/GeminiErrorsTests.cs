using System.Text;
using StarSend.Core.Errors;
using StarSend.Infrastructure.Gemini;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Tests.Providers;

/// <summary>Google RPC errors that say a model is gone (providers.md §3.1, §3.6): the fallback chain moves on only for these.</summary>
public sealed class GeminiErrorsTests
{
    [Theory]
    [InlineData(404, "NOT_FOUND", "models/gemini-2.5-flash-image is not found for API version v1beta, or is not supported for generateContent.")]
    [InlineData(410, "NOT_FOUND", "The model is gone.")]
    [InlineData(400, "FAILED_PRECONDITION", "Gemini 2.5 Flash Image has been shut down; use gemini-3.1-flash-image-preview.")]
    [InlineData(400, "INVALID_ARGUMENT", "This model is deprecated.")]
    public void FromAnswer_ModelGone_IsModelNotFound(int status, string rpcStatus, string message)
    {
        var error = GeminiErrors.FromAnswer(Answer(status, rpcStatus, message), "gemini-2.5-flash-image", TimeProvider.System);

        var gone = error.Should().BeOfType<ProviderException>().Subject;
        (gone.Kind, gone.HttpStatus).Should().Be((ProviderErrorKind.ModelNotFound, (int?)status));
        gone.Message.Should().Contain("gemini-2.5-flash-image").And.Contain(message);
    }

    [Fact]
    public void FromAnswer_InvalidArgument_StaysValidation()
    {
        var error = GeminiErrors.FromAnswer(Answer(400, "INVALID_ARGUMENT", "Request contains an invalid argument."), "m", TimeProvider.System);

        error.Should().BeOfType<ProviderException>().Which.Kind.Should().Be(ProviderErrorKind.Validation);
    }

    private static HttpAnswer Answer(int status, string rpcStatus, string message) =>
        new(status, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
            Encoding.UTF8.GetBytes($$$"""{"error":{"code":{{{status}}},"message":"{{{message}}}","status":"{{{rpcStatus}}}"}}"""));
}
