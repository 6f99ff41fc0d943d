using System.Text.Json;
using StarSend.Core.Json;
using StarSend.Core.Sequences;

namespace StarSend.Core.Tests.Sequences;

public sealed class WorkflowTextTests
{
    public static TheoryData<SequenceState> States => [.. Enum.GetValues<SequenceState>()];

    [Theory]
    [MemberData(nameof(States))]
    public void State_IsTheNameSequencesJsonStores(SequenceState state)
    {
        var stored = JsonSerializer.Serialize(state, StarSendJson.Options).Trim('"');

        WorkflowText.State(state).Should().Be(stored);
        SequenceWorkflow.StateName(state).Should().Be(stored);
    }
}
