using System.Text;

namespace StarSend.Testing;

/// <summary>Writes real audio files for tests: 16-bit PCM WAV of silence with a correct RIFF header.</summary>
public static class TestAudio
{
    public static void WriteWav(string path, int seconds, int sampleRate, int channels)
    {
        var data = seconds * sampleRate * channels * 2;
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(Encoding.ASCII.GetBytes("RIFF"));
        writer.Write(36 + data);
        writer.Write(Encoding.ASCII.GetBytes("WAVEfmt "));
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)channels);
        writer.Write(sampleRate);
        writer.Write(sampleRate * channels * 2);
        writer.Write((short)(channels * 2));
        writer.Write((short)16);
        writer.Write(Encoding.ASCII.GetBytes("data"));
        writer.Write(data);
        writer.Write(new byte[data]);
    }
}
