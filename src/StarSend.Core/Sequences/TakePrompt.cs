namespace StarSend.Core.Sequences;

/// <summary>One shot's prompt in a take and where it came from: <c>plan</c>, <c>take 2</c>, <c>edit</c>, <c>feedback</c>, with <c>+animate</c> when motion elements were added.</summary>
public sealed record TakePrompt(string Shot, string Prompt, string Source);
