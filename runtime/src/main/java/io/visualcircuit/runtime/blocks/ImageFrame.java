package io.visualcircuit.runtime.blocks;

/**
 * A uint8 image, row-major H x W x C with C = 1, 3 or 4 (3 is BGR, as VisualCircuit's OpenCV blocks
 * expect). The pixel array is owned by whoever made the frame; treat it as read-only once published.
 */
public record ImageFrame(int height, int width, int channels, byte[] pixels) {
    public ImageFrame {
        if (height < 0 || width < 0 || (channels != 1 && channels != 3 && channels != 4)) {
            throw new IllegalArgumentException("bad image shape " + height + "x" + width + "x" + channels);
        }
        if (pixels.length != height * width * channels) {
            throw new IllegalArgumentException("pixel array of " + pixels.length + " bytes for " + height + "x" + width + "x" + channels);
        }
    }
}
