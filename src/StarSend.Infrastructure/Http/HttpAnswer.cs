using System.Text;

namespace StarSend.Infrastructure.Http;

/// <summary>A whole HTTP answer: status, headers (content headers included) and the body bytes.</summary>
internal sealed record HttpAnswer(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
