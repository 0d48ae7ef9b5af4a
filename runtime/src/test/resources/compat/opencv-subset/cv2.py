"""The few OpenCV calls of VisualCircuit's Threshold block, written with numpy.

Tests put this folder on PYTHONPATH so the real Threshold block code can run where OpenCV is not
installed. It follows OpenCV's documented results for 8-bit images; it is not OpenCV.
"""

import numpy as np

COLOR_BGR2GRAY = 6
COLOR_GRAY2BGR = 8
THRESH_BINARY = 0


def cvtColor(src, code):
    src = np.asarray(src)
    if code == COLOR_BGR2GRAY:
        if src.ndim != 3 or src.shape[2] != 3:
            raise ValueError("BGR2GRAY needs an H x W x 3 image, got shape %s" % (src.shape,))
        b, g, r = (src[:, :, k].astype(np.float64) for k in range(3))
        return np.clip(np.rint(0.114 * b + 0.587 * g + 0.299 * r), 0, 255).astype(np.uint8)
    if code == COLOR_GRAY2BGR:
        grey = src if src.ndim == 2 else src[:, :, 0]
        return np.repeat(grey[:, :, np.newaxis], 3, axis=2).astype(np.uint8)
    raise ValueError("colour conversion %r is not in this subset" % (code,))


def threshold(src, thresh, maxval, kind):
    if kind != THRESH_BINARY:
        raise ValueError("threshold type %r is not in this subset" % (kind,))
    src = np.asarray(src)
    out = np.where(src > thresh, min(255, int(maxval)), 0).astype(np.uint8)
    return float(thresh), out
