using SkiaSharp;

namespace StarSend.Imaging;

/// <summary>
/// Decodes PNG, JPEG and WebP (format from the magic bytes) to upright 8-bit sRGB RGBA, and encodes PNG, JPEG and
/// WebP, on SkiaSharp. Colour profiles (ICC) are converted to sRGB; a PNG's bare gamma chunk is not applied. Every failure is one <see cref="ImagingException"/> with a one-line message; no library
/// exception escapes. A hostile file costs bounded memory (<see cref="ImageLimits"/>, checked before allocating).
/// </summary>
public static class ImageCodec
{
    /// <summary>
    /// Decodes the whole image. A truncated or damaged file is an error, never a half-decoded picture: anything but
    /// the codec's full success is refused. <paramref name="name"/> labels errors.
    /// </summary>
    public static RgbaImage Decode(ReadOnlySpan<byte> data, string name = "image", ImageLimits? limits = null)
    {
        try
        {
            using var skia = SkiaCodec.Open(data, name, limits ?? ImageLimits.Default);
            var info = skia.Codec.Info;
            var stored = new RgbaImage(info.Width, info.Height);
            var target = SkiaPixels.Info(info.Width, info.Height);
            if (skia.Format == ImageFormat.Png && !PngChunks.HasIccProfile(data))
            {
                target = target.WithColorSpace(null);
            }

            var result = GetPixels(skia.Codec, target, stored);
            if (result != SKCodecResult.Success)
            {
                throw new ImagingException($"{name}: {Describe(result)} {SkiaCodec.Label(skia.Format)}");
            }

            return ExifOrientation.Apply(stored, skia.Orientation);
        }
        catch (Exception ex) when (ex is not ImagingException and not OutOfMemoryException)
        {
            throw new ImagingException($"{name}: cannot be decoded ({ex.GetType().Name})", ex);
        }
    }

    /// <summary>Reads and decodes a file; the error names the file. The size limit is checked before reading.</summary>
    public static RgbaImage Decode(string path, ImageLimits? limits = null)
    {
        var name = Path.GetFileName(path);
        return Decode(ImageFiles.ReadAll(path, limits ?? ImageLimits.Default), name, limits);
    }

    /// <summary>PNG with the settings measured for grid cells (<see cref="PngSettings"/>).</summary>
    public static byte[] EncodePng(RgbaImage image) => Encode(image, pixmap => pixmap.Encode(PngSettings.Cells), "PNG");

    /// <summary>PNG with explicit Skia settings (the benchmark's survey).</summary>
    internal static byte[] EncodePng(RgbaImage image, SKPngEncoderOptions options) => Encode(image, pixmap => pixmap.Encode(options), "PNG");

    /// <summary>Baseline JPEG, 4:2:0, <paramref name="quality"/> 1–100. Alpha is dropped (composited on black by Skia's encoder).</summary>
    public static byte[] EncodeJpeg(RgbaImage image, int quality = 90) =>
        Encode(image, pixmap => pixmap.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)), "JPEG");

    /// <summary>Lossy WebP at <paramref name="quality"/> 1–100.</summary>
    public static byte[] EncodeWebp(RgbaImage image, int quality = 90) =>
        Encode(image, pixmap => pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, quality)), "WebP");

    /// <summary>Encodes in <paramref name="format"/>.</summary>
    public static byte[] Encode(RgbaImage image, ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => EncodeJpeg(image),
        ImageFormat.WebP => EncodeWebp(image),
        _ => EncodePng(image),
    };

    private static byte[] Encode(RgbaImage image, Func<SKPixmap, SKData?> encode, string what)
    {
        try
        {
            using var data = SkiaPixels.Use(image, encode);
            return data?.ToArray() ?? throw new ImagingException($"{what} encoding of a {image.Width}x{image.Height} image failed");
        }
        catch (Exception ex) when (ex is not ImagingException and not OutOfMemoryException)
        {
            throw new ImagingException($"{what} encoding failed ({ex.GetType().Name})", ex);
        }
    }

    private static unsafe SKCodecResult GetPixels(SKCodec codec, SKImageInfo target, RgbaImage into)
    {
        fixed (byte* pixels = into.Pixels)
        {
            return codec.GetPixels(target, (IntPtr)pixels);
        }
    }

    private static string Describe(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput => "truncated",
        SKCodecResult.ErrorInInput => "broken",
        SKCodecResult.InvalidInput => "broken",
        SKCodecResult.InvalidConversion => "unconvertible",
        SKCodecResult.InvalidScale or SKCodecResult.InvalidParameters => "unreadable",
        SKCodecResult.Unimplemented => "unsupported kind of",
        _ => $"unreadable ({result})",
    };
}
