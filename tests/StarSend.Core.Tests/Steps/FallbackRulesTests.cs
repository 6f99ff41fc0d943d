using StarSend.Core.Errors;
using StarSend.Core.Steps;

namespace StarSend.Core.Tests.Steps;

/// <summary>The table of answers that move a fallback chain on (proof the model never took the call) and those that never do.</summary>
public sealed class FallbackRulesTests
{
    [Theory]
    [InlineData(ProviderErrorKind.ModelNotFound, 404, true)]
    [InlineData(ProviderErrorKind.ModelNotFound, 410, true)]
    [InlineData(ProviderErrorKind.Transient, 503, true)]
    [InlineData(ProviderErrorKind.Transient, 429, true)]
    [InlineData(ProviderErrorKind.Transient, null, false)]
    [InlineData(ProviderErrorKind.Transient, 200, false)]
    [InlineData(ProviderErrorKind.ContentPolicy, 200, false)]
    [InlineData(ProviderErrorKind.NoImage, 200, false)]
    [InlineData(ProviderErrorKind.Validation, 400, false)]
    [InlineData(ProviderErrorKind.Unauthorized, 403, false)]
    public void ImageReason_MovesOnOnlyWhenTheModelProvablyMadeNothing(ProviderErrorKind kind, int? status, bool movesOn) =>
        (FallbackRules.ImageReason(new ProviderException("x", kind, status)) is not null).Should().Be(movesOn);

    [Theory]
    [InlineData(ProviderErrorKind.ModelNotFound, 404, true)]
    [InlineData(ProviderErrorKind.NotAccepted, 429, true)]
    [InlineData(ProviderErrorKind.Transient, null, true)]
    [InlineData(ProviderErrorKind.SubmissionUnknown, 502, false)]
    [InlineData(ProviderErrorKind.ContentPolicy, 422, false)]
    [InlineData(ProviderErrorKind.Validation, 422, false)]
    [InlineData(ProviderErrorKind.Other, 418, false)]
    public void VideoReason_MovesOnOnlyWhenNothingWasQueued(ProviderErrorKind kind, int? status, bool movesOn) =>
        (FallbackRules.VideoReason(new ProviderException("x", kind, status)) is not null).Should().Be(movesOn);

    [Fact]
    public void Reasons_NeverMoveOnForABlockedAccountOrAJobKeptInFlight()
    {
        FallbackRules.ImageReason(new AccountBlockedException("quota per day", ProviderErrorKind.QuotaExhausted, 429)).Should().BeNull();
        FallbackRules.VideoReason(new AccountBlockedException("User is locked", 403)).Should().BeNull();
        FallbackRules.VideoReason(new ProviderException("result unreadable", ProviderErrorKind.Transient) { PaidJobKept = true }).Should().BeNull();
    }

    [Fact]
    public void GoneReason_NamesTheStatus() =>
        FallbackRules.VideoReason(new ProviderException("fal.ai serves no endpoint x", ProviderErrorKind.ModelNotFound, 410)).Should().Be("gone (HTTP 410): fal.ai serves no endpoint x");
}
