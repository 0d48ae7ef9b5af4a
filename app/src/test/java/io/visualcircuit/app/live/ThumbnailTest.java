package io.visualcircuit.app.live;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThumbnailTest {

    @Test
    void shouldConvertBgrToArgbAndKeepTheAspectRatio() {
        int h = 240;
        int w = 320;
        byte[] px = new byte[h * w * 3];
        for (int i = 0; i < h * w; i++) {
            px[i * 3] = (byte) 10;      // blue
            px[i * 3 + 1] = (byte) 20;  // green
            px[i * 3 + 2] = (byte) 200; // red
        }
        Thumbnail t = Thumbnail.of(new LiveValue.Image(h, w, 3, px), 96, 96, 5);
        assertEquals(96, t.width());
        assertEquals(72, t.height());
        assertEquals(0xffc8140a, t.argb()[0]);
        assertEquals(5, t.sequence());
    }

    @Test
    void shouldSpreadGrayIntoAllChannels() {
        Thumbnail t = Thumbnail.of(new LiveValue.Image(2, 2, 1, new byte[] {0, (byte) 255, 1, 2}), 96, 72, 1);
        assertEquals(2, t.width());
        assertEquals(0xff000000, t.argb()[0]);
        assertEquals(0xffffffff, t.argb()[1]);
    }

    @Test
    void shouldGiveAnEmptyThumbnailForATruncatedImage() {
        Thumbnail t = Thumbnail.of(new LiveValue.Image(100, 100, 3, new byte[10]), 96, 72, 1);
        assertEquals(0, t.width());
        assertEquals(0, t.argb().length);
    }
}
