namespace StarSend.Core.Analysis;

/// <summary>Something in the start frame that should move: what, how (<c>sway</c>, <c>drift</c>, ...) and where in the frame (<c>top left</c>, <c>center</c>, ...).</summary>
public sealed record MotionElement(string Element, string MotionType, string Location);
