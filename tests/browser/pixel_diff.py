"""Share of pixels that differ between two pictures of the same size, by more than 16 and more
than 64 of 255 in any channel (alpha composited on white first). Also a command:
pixel_diff.py A.png B.png prints both shares in percent."""
import sys

import numpy as np
from PIL import Image


def load(path_or_image):
    im = path_or_image if isinstance(path_or_image, Image.Image) else Image.open(path_or_image)
    im = im.convert("RGBA")
    white = Image.new("RGBA", im.size, (255, 255, 255, 255))
    return np.asarray(Image.alpha_composite(white, im).convert("RGB"), dtype=np.int16)


def shares(a, b):
    """(share > 16, share > 64) of pixels, 0..1; raises ValueError when the sizes differ."""
    a, b = load(a), load(b)
    if a.shape != b.shape:
        raise ValueError(f"sizes differ: {a.shape[1]}x{a.shape[0]} and {b.shape[1]}x{b.shape[0]}")
    d = np.abs(a - b).max(axis=2)
    return float((d > 16).mean()), float((d > 64).mean())


if __name__ == "__main__":
    s16, s64 = shares(sys.argv[1], sys.argv[2])
    print(f"{100 * s16:.4f} % > 16, {100 * s64:.4f} % > 64")
