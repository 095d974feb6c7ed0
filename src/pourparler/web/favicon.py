"""The site's icon, ``/favicon.ico``: a 16×16 disc in the header's colour, made in code (a
Windows icon file holding one 32-bit bitmap), so that browsers find an icon instead of a 404."""

from __future__ import annotations

import struct
from functools import cache

SIZE = 16
COLOUR = (0x44, 0x33, 0x22)  # blue, green, red: the header links' #234


@cache
def favicon_bytes() -> bytes:
    """The ``.ico`` file: ICONDIR, one ICONDIRENTRY, a BITMAPINFOHEADER (height doubled, as icons
    store it), BGRA pixels bottom-up and an all-zero AND mask (alpha decides)."""
    pixels = bytearray()
    centre = (SIZE - 1) / 2
    for y in range(SIZE):
        for x in range(SIZE):
            inside = (x - centre) ** 2 + (y - centre) ** 2 <= (SIZE / 2 - 0.5) ** 2
            pixels += bytes((*COLOUR, 0xFF if inside else 0x00))
    mask = bytes(SIZE * 4)  # 16 one-bit pixels a row, padded to 32 bits
    header = struct.pack("<IiiHHIIiiII", 40, SIZE, 2 * SIZE, 1, 32, 0, 0, 0, 0, 0, 0)
    image = header + bytes(pixels) + mask
    entry = struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(image), 6 + 16)
    return struct.pack("<HHH", 0, 1, 1) + entry + image
