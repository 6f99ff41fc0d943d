using StarSend.Emulator.Faults;

namespace StarSend.Emulator.Tests.Faults;

public class FaultSpecTests
{
    [Fact]
    public void Parse_SeveralRules_ReadsTargetKindArgAndWhen()
    {
        var rules = FaultSpec.Parse("status:503@1,2; submit:429=7@3-5;download:truncate=0.25;gemini:not-grid@p0.5");

        rules.Should().HaveCount(4);
        rules[0].Should().Match<FaultRule>(r => r.Target == "status" && r.Kind == FaultKind.Unavailable && r.Arg == null);
        rules[0].When.Matches(2, () => 1).Should().BeTrue();
        rules[0].When.Matches(3, () => 1).Should().BeFalse();
        rules[1].RetryAfterSeconds.Should().Be(7);
        rules[1].When.Matches(4, () => 1).Should().BeTrue();
        rules[1].When.Matches(6, () => 1).Should().BeFalse();
        rules[2].TruncateFraction.Should().Be(0.25);
        rules[2].When.Should().Be(FaultWhen.Always);
        rules[3].When.Matches(1, () => 0.4).Should().BeTrue();
        rules[3].When.Matches(1, () => 0.6).Should().BeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ; ")]
    public void Parse_Empty_NoRules(string? spec) => FaultSpec.Parse(spec).Should().BeEmpty();

    [Theory]
    [InlineData("nowhere:500", "unknown target")]
    [InlineData("status:418", "unknown fault")]
    [InlineData("status:not-grid", "applies to gemini only")]
    [InlineData("gemini:hang", "applies to submit only")]
    [InlineData("submit:expire", "applies to status")]
    [InlineData("status:503@0", "not a request number")]
    [InlineData("status:503@3-1", "M >= N")]
    [InlineData("status:503@p1.5", "between 0 and 1")]
    [InlineData("submit:job-error=404", "422 or 500")]
    [InlineData("status", "TARGET:FAULT")]
    public void Parse_BadRule_SaysWhatIsWrong(string spec, string message)
    {
        var parse = () => FaultSpec.Parse(spec);

        parse.Should().Throw<FormatException>().WithMessage($"*{message}*");
    }

    [Fact]
    public void Parse_ModelGoneForANamedModel_HitsOnlyRequestsForThatModel()
    {
        var book = new FaultBook(seed: 1);
        book.Replace("gemini:model-gone=gemini-3.1-flash-image-preview;submit:model-deprecated=fal-ai/kling-video/o3/pro/reference-to-video");

        book.Next("gemini", "gemini-3-pro-image-preview").Should().BeNull();
        book.Next("gemini", "gemini-3.1-flash-image-preview")!.Kind.Should().Be(FaultKind.ModelGone);
        book.Next("submit", "fal-ai/kling-video/o3/standard/reference-to-video").Should().BeNull();
        var deprecated = book.Next("submit", "fal-ai/kling-video/o3/pro/reference-to-video")!;
        (deprecated.Kind, deprecated.Model, deprecated.Arg).Should().Be((FaultKind.ModelDeprecated, "fal-ai/kling-video/o3/pro/reference-to-video", (double?)null));
        FaultSpec.Parse("gemini:model-gone").Single().IsFor("any-model").Should().BeTrue("without a name the rule hits every model, as before");
    }

    [Theory]
    [InlineData("submit:model-gone=", "name the model")]
    [InlineData("status:model-gone=x", "applies to gemini, submit, leonardo-create only")]
    [InlineData("gemini:model-deprecated=x", "applies to submit only")]
    public void Parse_BadModelGoneRule_SaysWhatIsWrong(string spec, string message) =>
        FluentActions.Invoking(() => FaultSpec.Parse(spec)).Should().Throw<FormatException>().WithMessage($"*{message}*");

    [Fact]
    public void Next_CountsPerTargetFromWhenRulesWereSet()
    {
        var book = new FaultBook(seed: 1);
        book.Next("status");
        book.Replace("status:500@2");

        var hits = Enumerable.Range(0, 3).Select(_ => book.Next("status")?.Kind).ToList();
        book.Next("result").Should().BeNull();

        hits.Should().Equal(null, FaultKind.ServerError, null);
    }

    [Fact]
    public void Next_Probability_IsReproducibleForASeed()
    {
        IReadOnlyList<bool> Draw()
        {
            var book = new FaultBook(seed: 42);
            book.Replace("gemini:no-image@p0.5");
            return [.. Enumerable.Range(0, 40).Select(_ => book.Next("gemini") is not null)];
        }

        var first = Draw();

        Draw().Should().Equal(first);
        first.Should().Contain(true).And.Contain(false);
    }

    [Fact]
    public void Replace_BadSpec_KeepsOldRules()
    {
        var book = new FaultBook(seed: 1);
        book.Replace("status:500");

        var replace = () => book.Replace("status:nope");

        replace.Should().Throw<FormatException>();
        book.Next("status")!.Kind.Should().Be(FaultKind.ServerError);
    }
}
