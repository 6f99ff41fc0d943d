#!/usr/bin/env python3
"""Decodes our encoder's PNGs with an independent decoder (zlib + struct only) and compares them with the raw RGBA
they were made from. Usage: dotnet run -c Release --project tools/StarSend.Benchmarks -- --write-samples DIR
then python3 tools/StarSend.Benchmarks/check_png.py DIR. Handles what the encoder writes: 8-bit RGB/RGBA,
non-interlaced, any filter."""
import pathlib
import struct
import sys
import zlib


def decode(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "signature"
    pos, idat, header = 8, b"", None
    while True:
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert zlib.crc32(kind + body) == crc, f"CRC of {kind}"
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    width, height, depth, color, _, _, interlace = header
    assert depth == 8 and color in (2, 6) and interlace == 0, header
    channels = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    assert len(raw) == height * (stride + 1), "inflated size"
    out, prior = bytearray(), bytearray(stride)
    for y in range(height):
        kind, row = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = row[i - channels] if i >= channels else 0
            b, c = prior[i], (prior[i - channels] if i >= channels else 0)
            if kind == 1:
                row[i] = (row[i] + a) & 255
            elif kind == 2:
                row[i] = (row[i] + b) & 255
            elif kind == 3:
                row[i] = (row[i] + ((a + b) >> 1)) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            else:
                assert kind == 0, f"filter {kind}"
        out += row
        prior = row
    if channels == 3:
        out = b"".join(bytes(out[i:i + 3]) + b"\xff" for i in range(0, len(out), 3))
    return bytes(out)


def main(folder):
    failures = 0
    for png in sorted(pathlib.Path(folder).glob("*.png")):
        expected = png.with_suffix(".rgba").read_bytes()
        try:
            ok = decode(png.read_bytes()) == expected
        except AssertionError as error:
            ok = False
            print(f"{png.name}: {error}")
        print(f"{png.name}: {'ok' if ok else 'MISMATCH'}")
        failures += not ok
    print(f"{failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
