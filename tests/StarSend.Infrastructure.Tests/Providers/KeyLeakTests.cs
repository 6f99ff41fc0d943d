using System.Net;
using System.Net.Sockets;
using StarSend.Core.Errors;
using StarSend.Core.Providers;
using StarSend.Infrastructure.Fal;
using StarSend.Infrastructure.Gemini;
using StarSend.Infrastructure.Http;
using StarSend.Testing;

namespace StarSend.Infrastructure.Tests.Providers;

/// <summary>
/// Keys go in headers only, so a failure names the call and never the key: neither the exception (message and
/// ToString, inner exceptions included) nor any log event carries it when the connection fails. (A refused key,
/// 401/403, is checked through the real CLI in StarSend.Cli.Tests' KeyLeakTests.)
/// </summary>
public sealed class KeyLeakTests
{
    private const string FalKey = "leak-id-123:leak-secret-456";
    private const string GeminiKey = "gem-leak-789";

    /// <summary>Past the driven clock's deadline floor, so only the refused connections end the calls.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task FailedConnection_AllCalls_NoKeyInErrorsOrLogs()
    {
        var closed = ClosedPortUrl();
        var log = new LogCapture();
        var clock = new DrivenClock(new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        using var connections = ProviderHttp.CreateConnections();
        var fal = new FalVideoProvider(connections, new FalOptions { QueueUrl = closed, RestUrl = closed, Key = FalKey, RequestTimeout = Deadline, UploadTimeout = Deadline }, clock, log.Logger);
        var gemini = new GeminiImageProvider(connections, new GeminiOptions { BaseUrl = closed, ApiKey = GeminiKey, FallbackModel = null, RequestTimeout = Deadline }, clock, log.Logger);
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "frame.png");
        await File.WriteAllBytesAsync(file, [0x89, 0x50, 0x4E, 0x47]);
        var handle = new VideoJobHandle("rid-1", ProviderHarness.Model, $"{closed}r/status", $"{closed}r", $"{closed}r/cancel");

        var errors = new List<Exception>
        {
            await FailureOf(clock, () => gemini.GenerateAsync(new ImageJob { Prompt = "a grid" }, CancellationToken.None)),
            await FailureOf(clock, () => fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None)),
            await FailureOf(clock, () => fal.WaitForResultAsync(handle, null, CancellationToken.None)),
            await FailureOf(clock, () => fal.UploadAsync(file, "image/png", CancellationToken.None)),
        };

        errors.Should().AllBeOfType<ProviderException>(string.Join("\n", errors.Select(e => e.ToString())));
        errors.Select(e => ((ProviderException)e).Kind).Should().OnlyContain(k => k == ProviderErrorKind.Transient, string.Join("\n", errors.Select(e => e.ToString())));
        errors[1].Message.Should().Contain("nothing was submitted", "a refused connection is known not to have reached fal");
        log.Text.Should().Contain("retry", "the failures were logged");
        foreach (var text in errors.Select(e => e.ToString()).Append(log.Text))
        {
            text.Should().NotContain("leak-secret").And.NotContain("leak-id").And.NotContain(GeminiKey);
        }
    }

    private static async Task<Exception> FailureOf<T>(DrivenClock clock, Func<Task<T>> call)
    {
        try
        {
            await clock.RunAsync(call());
        }
#pragma warning disable CA1031 // The test inspects whatever the call threw.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex;
        }

        throw new InvalidOperationException("the call was expected to fail");
    }

    /// <summary>A loopback URL on which nothing listens: a port that was just free.</summary>
    private static Uri ClosedPortUrl()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
