namespace StarSend.Imaging;

/// <summary>Scaling for thumbnails and fitted frames.</summary>
public static class Resize
{
    /// <summary>Scales to exactly <paramref name="width"/>×<paramref name="height"/> (area-averaged when shrinking).</summary>
    public static RgbaImage To(RgbaImage image, int width, int height) => throw new NotImplementedException();
}
