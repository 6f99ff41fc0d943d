using System.Text.Json.Nodes;

namespace StarSend.Core.Tests.Plans;

internal sealed record InvalidPlanCase(Func<JsonObject, PlanFixture, string> Build, string[] Paths, string? Reason);
