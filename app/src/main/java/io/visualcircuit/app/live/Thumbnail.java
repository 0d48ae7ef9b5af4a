package io.visualcircuit.app.live;

/**
 * A small ARGB copy of an image wire's frame, made by the sampler thread so the FX thread only
 * copies ready pixels into a {@code WritableImage}. Immutable after construction.
 *
 * @param sequence the wire sequence the thumbnail was made from
 */
public record Thumbnail(int width, int height, int[] argb, long sequence) {

    /**
     * Scales a uint8 image (gray, BGR or BGRA rows) down to fit {@code maxWidth} x {@code maxHeight}
     * by nearest-neighbour sampling, which is cheap and enough for a preview.
     */
    public static Thumbnail of(LiveValue.Image image, int maxWidth, int maxHeight, long sequence) {
        int w = image.width();
        int h = image.height();
        int c = image.channels();
        if (w <= 0 || h <= 0 || c <= 0 || image.pixels().length < (long) w * h * c) {
            return new Thumbnail(0, 0, new int[0], sequence);
        }
        double scale = Math.min(1.0, Math.min(maxWidth / (double) w, maxHeight / (double) h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        int[] out = new int[tw * th];
        byte[] px = image.pixels();
        for (int y = 0; y < th; y++) {
            int sy = Math.min(h - 1, (int) ((y + 0.5) * h / th));
            for (int x = 0; x < tw; x++) {
                int sx = Math.min(w - 1, (int) ((x + 0.5) * w / tw));
                int o = (sy * w + sx) * c;
                int r;
                int g;
                int b;
                if (c >= 3) {
                    b = px[o] & 0xff;
                    g = px[o + 1] & 0xff;
                    r = px[o + 2] & 0xff;
                } else {
                    r = g = b = px[o] & 0xff;
                }
                out[y * tw + x] = 0xff000000 | (r << 16) | (g << 8) | b;
            }
        }
        return new Thumbnail(tw, th, out, sequence);
    }
}
