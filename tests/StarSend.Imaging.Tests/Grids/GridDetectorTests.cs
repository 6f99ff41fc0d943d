using StarSend.Imaging.Grids;
using Xunit.Abstractions;

namespace StarSend.Imaging.Tests.Grids;

public sealed class GridDetectorTests(ITestOutputHelper output)
{
    private const int PerKind = 10;

    [Fact]
    public void Detect_SyntheticCorpus_SeparatesGridsFromPictures()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var samples = GridCorpus.All(PerKind).ToList();
        var built = watch.Elapsed;
        var wrong = new List<string>();
        var falsePositives = 0;
        var lowestGrid = 1.0;
        var highestPicture = 0.0;
        foreach (var sample in samples)
        {
            var detection = GridDetector.Detect(sample.Image);
            if (sample.IsGrid)
            {
                lowestGrid = Math.Min(lowestGrid, detection.Score);
            }
            else
            {
                highestPicture = Math.Max(highestPicture, detection.Score);
            }

            if (detection.IsGrid != sample.IsGrid)
            {
                wrong.Add($"{sample.Name}: score {detection.Score} — {detection.Reason}");
                falsePositives += sample.IsGrid ? 0 : 1;
            }
        }

        output.WriteLine($"built in {built.TotalSeconds:F1} s, detected in {(watch.Elapsed - built).TotalSeconds:F1} s");
        var accuracy = 1 - (wrong.Count / (double)samples.Count);
        output.WriteLine($"accuracy {accuracy:P1} on {samples.Count} images ({samples.Count(s => s.IsGrid)} grids), false positives {falsePositives}");
        output.WriteLine($"lowest grid score {lowestGrid:F3}, highest single-picture score {highestPicture:F3} (threshold {GridDetector.Threshold})");
        foreach (var line in wrong)
        {
            output.WriteLine(line);
        }

        samples.Should().HaveCountGreaterThanOrEqualTo(100);
        accuracy.Should().BeGreaterThanOrEqualTo(0.95);
        falsePositives.Should().BeLessThanOrEqualTo(1);
    }

    [Fact]
    public void Detect_GutterGrid_NamesBothGuttersInTheReason()
    {
        var (grid, _) = GridCellsTests.GutterGrid(cell: 120, gutter: 10, border: 0, offset: 0);

        var detection = GridDetector.Detect(grid);

        detection.IsGrid.Should().BeTrue();
        detection.Score.Should().BeGreaterThanOrEqualTo(GridDetector.Threshold);
        detection.Reason.Should().Contain("vertical gutter at x=120..129").And.Contain("horizontal gutter at y=120..129");
    }

    [Fact]
    public void Detect_OnePicture_SaysWhyNot()
    {
        var detection = GridDetector.Detect(Synthetic.SyntheticImages.Photo(300, 200, seed: 8));

        detection.IsGrid.Should().BeFalse();
        detection.Score.Should().BeLessThan(GridDetector.Threshold);
        detection.Reason.Should().StartWith("not a 2x2 grid");
    }

    [Fact]
    public void Detect_TinyImage_IsNotAGrid()
    {
        var detection = GridDetector.Detect(Synthetic.SyntheticImages.Noise(20, 20, seed: 1));

        detection.IsGrid.Should().BeFalse();
        detection.Reason.Should().Contain("too small");
    }
}
