package io.visualcircuit.runtime.blocks;

/**
 * The image blocks that compute pixels: uint8 images as {@link ImageFrame}s, with 3-channel images in
 * BGR order and 4-channel ones in BGRA, as VisualCircuit's OpenCV blocks expect. Published frames are
 * never modified afterwards, so a block may pass the same frame on again.
 */
final class ImageBlocks {
    /** Largest width or height of a {@code test-pattern}, so a typo cannot exhaust the heap. */
    static final int MAX_SIDE = 4096;

    private ImageBlocks() {
    }

    /**
     * {@code test-pattern}: a moving synthetic scene of {@code width} x {@code height} pixels (each
     * limited to [1, {@value ImageBlocks#MAX_SIDE}]), 3 channels BGR: a colour gradient background, a red
     * disc circling the centre every 5 seconds and a white bar sweeping from left to right every 4
     * seconds. The scene is a function of the time since the start, so it is the same in every run.
     */
    static final class TestPattern extends TimedBlock {
        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            int w = side(params.number("width", 320.0), 320);
            int h = side(params.number("height", 240.0), 240);
            outputs.image("out", render(w, h, time()));
        }

        static int side(double requested, int otherwise) {
            if (!(requested >= 1.0)) {
                return requested < 1.0 ? 1 : otherwise;
            }
            return (int) Math.min(MAX_SIDE, Math.round(requested));
        }

        static ImageFrame render(int w, int h, double t) {
            byte[] px = new byte[w * h * 3];
            double angle = 2 * Math.PI * t / 5.0;
            double cx = w / 2.0 + 0.3 * w * Math.cos(angle);
            double cy = h / 2.0 + 0.3 * h * Math.sin(angle);
            double r = Math.max(2.0, Math.min(w, h) / 8.0);
            double r2 = r * r;
            int barWidth = Math.max(1, w / 16);
            int barX = (int) Math.floor((t / 4.0 - Math.floor(t / 4.0)) * w);
            int i = 0;
            for (int y = 0; y < h; y++) {
                int green = h > 1 ? y * 255 / (h - 1) : 0;
                double dy = y + 0.5 - cy;
                for (int x = 0; x < w; x++) {
                    int blue = w > 1 ? x * 255 / (w - 1) : 0;
                    int red = 40;
                    int g = green;
                    double dx = x + 0.5 - cx;
                    if (dx * dx + dy * dy <= r2) {
                        blue = 0;
                        g = 0;
                        red = 255;
                    } else if (x >= barX && x < barX + barWidth) {
                        blue = 255;
                        g = 255;
                        red = 255;
                    }
                    px[i++] = (byte) blue;
                    px[i++] = (byte) g;
                    px[i++] = (byte) red;
                }
            }
            return new ImageFrame(h, w, 3, px);
        }
    }

    /**
     * The luminance of a pixel, {@code 0.114 B + 0.587 G + 0.299 R} rounded, in 16-bit fixed point
     * (the weights add up to exactly 65536, so white stays 255).
     */
    static int luma(int b, int g, int r) {
        return (7471 * b + 38470 * g + 19595 * r + 32768) >> 16;
    }

    /** One channel of luminance for an image of 1 (returned as is), 3 (BGR) or 4 (BGRA) channels. */
    static ImageFrame gray(ImageFrame in) {
        if (in.channels() == 1) {
            return in;
        }
        byte[] src = in.pixels();
        int c = in.channels();
        byte[] out = new byte[in.height() * in.width()];
        for (int i = 0, j = 0; i < out.length; i++, j += c) {
            out[i] = (byte) luma(src[j] & 0xFF, src[j + 1] & 0xFF, src[j + 2] & 0xFF);
        }
        return new ImageFrame(in.height(), in.width(), 1, out);
    }

    /**
     * {@code grayscale}: converts {@code in} (1, 3 or 4 channels) to a 1-channel image on {@code out}.
     * Writes nothing while {@code in} has no image; an unchanged input frame is not converted again.
     */
    static final class Grayscale implements JavaBlock {
        private ImageFrame lastIn;
        private ImageFrame lastOut;

        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            ImageFrame in = inputs.image("in");
            if (in == null) {
                return;
            }
            if (in != lastIn) {
                lastOut = gray(in);
                lastIn = in;
            }
            outputs.image("out", lastOut);
        }
    }

    /**
     * {@code threshold}: a 1-channel image that is 255 where the luminance of {@code in} is at least
     * {@code level} and 0 elsewhere, as the catalog describes it (OpenCV's binary threshold at
     * {@code level - 1} for whole levels). Colour inputs are converted to luminance first. Writes
     * nothing while {@code in} has no image.
     */
    static final class Threshold implements JavaBlock {
        private ImageFrame lastIn;
        private double lastLevel = Double.NaN;
        private ImageFrame lastOut;

        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            ImageFrame in = inputs.image("in");
            if (in == null) {
                return;
            }
            double level = params.number("level", 128.0);
            if (in != lastIn || Double.compare(level, lastLevel) != 0) {
                ImageFrame g = gray(in);
                byte[] src = g.pixels();
                byte[] out = new byte[src.length];
                for (int i = 0; i < src.length; i++) {
                    out[i] = (src[i] & 0xFF) >= level ? (byte) 255 : 0;
                }
                lastOut = new ImageFrame(in.height(), in.width(), 1, out);
                lastIn = in;
                lastLevel = level;
            }
            outputs.image("out", lastOut);
        }
    }
}
