package io.visualcircuit.runtime.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageBlocksTest {

    @TempDir
    Path dir;

    private static ImageFrame frame(BlockHarness h) {
        Object v = h.out();
        if (!(v instanceof ImageFrame f)) {
            throw new AssertionError("expected an image on out, got " + v);
        }
        return f;
    }

    @Test
    void shouldMakeTestPatternOfDefaultSizeInBgr() {
        ImageFrame f = frame(BlockHarness.of("test-pattern").start());
        assertEquals(240, f.height());
        assertEquals(320, f.width());
        assertEquals(3, f.channels());
    }

    @Test
    void shouldMakeTestPatternOfRequestedSize() {
        ImageFrame f = frame(BlockHarness.of("test-pattern").param("width", 64).param("height", 48).start());
        assertEquals(48, f.height());
        assertEquals(64, f.width());
        assertEquals(64 * 48 * 3, f.pixels().length);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0, 1", "-3, 1", "NaN, 320", "100.4, 100", "1e9, 4096"})
    void shouldKeepTestPatternSizeSane(double requested, int expected) {
        assertEquals(expected, ImageBlocks.TestPattern.side(requested, 320));
    }

    @Test
    void shouldMoveTestPatternOverTime() {
        BlockHarness h = BlockHarness.of("test-pattern").param("width", 80).param("height", 60).start();
        byte[] first = frame(h).pixels();
        byte[] later = frame(h.step(0.5)).pixels();
        assertFalse(Arrays.equals(first, later), "the scene moves");
        assertArrayEquals(ImageBlocks.TestPattern.render(80, 60, 0.5).pixels(), later, "same time, same scene");
        long red = countColour(later, 0, 0, 255);
        assertTrue(red > 50, "the red disc is visible: " + red + " pixels");
    }

    private static long countColour(byte[] bgr, int b, int g, int r) {
        long n = 0;
        for (int i = 0; i < bgr.length; i += 3) {
            if ((bgr[i] & 0xFF) == b && (bgr[i + 1] & 0xFF) == g && (bgr[i + 2] & 0xFF) == r) {
                n++;
            }
        }
        return n;
    }

    @ParameterizedTest(name = "BGR({0},{1},{2}) -> {3}")
    @CsvSource({"0, 0, 0, 0", "255, 255, 255, 255", "255, 0, 0, 29", "0, 255, 0, 150", "0, 0, 255, 76",
        "10, 200, 30, 128", "100, 100, 100, 100"})
    void shouldWeighChannelsAsBgrLuminance(int b, int g, int r, int expected) {
        double exact = 0.114 * b + 0.587 * g + 0.299 * r;
        assertEquals(exact, expected, 0.5, "the table agrees with the formula");
        assertEquals(expected, ImageBlocks.luma(b, g, r));
        ImageFrame in = new ImageFrame(1, 1, 3, new byte[] {(byte) b, (byte) g, (byte) r});
        ImageFrame out = frame(BlockHarness.of("grayscale").input("in", in).start());
        assertEquals(1, out.channels());
        assertEquals(expected, out.pixels()[0] & 0xFF);
    }

    @Test
    void shouldConvertEveryPixelOfBgraImageIgnoringAlpha() {
        byte[] px = {(byte) 255, 0, 0, 7, 0, (byte) 255, 0, (byte) 200};
        ImageFrame out = frame(BlockHarness.of("grayscale").input("in", new ImageFrame(1, 2, 4, px)).start());
        assertEquals(2, out.width());
        assertArrayEquals(new byte[] {29, (byte) 150}, out.pixels());
    }

    @Test
    void shouldPassOneChannelImageThroughGrayscale() {
        ImageFrame in = new ImageFrame(2, 2, 1, new byte[] {1, 2, 3, 4});
        assertSame(in, frame(BlockHarness.of("grayscale").input("in", in).start()));
    }

    @Test
    void shouldWriteNothingWithoutAnImage() {
        assertFalse(BlockHarness.of("grayscale").input("in", 3.0).start().wrote());
        assertFalse(BlockHarness.of("threshold").start().wrote());
    }

    @Test
    void shouldThresholdAtLeastLevelTo255() {
        byte[] gray = {0, 127, (byte) 128, (byte) 129, (byte) 255};
        ImageFrame in = new ImageFrame(1, 5, 1, gray);
        BlockHarness h = BlockHarness.of("threshold").input("in", in).start();
        ImageFrame out = frame(h);
        assertEquals(1, out.channels());
        assertArrayEquals(new byte[] {0, 0, (byte) 255, (byte) 255, (byte) 255}, out.pixels(), "default level 128");
        h.param("level", 1).step(0.1);
        assertArrayEquals(new byte[] {0, (byte) 255, (byte) 255, (byte) 255, (byte) 255}, frame(h).pixels(), "live level edit");
        h.param("level", 255L).step(0.1);
        assertArrayEquals(new byte[] {0, 0, 0, 0, (byte) 255}, frame(h).pixels(), "integer parameter from the catalog");
    }

    @Test
    void shouldThresholdLuminanceOfColourImages() {
        byte[] bgr = {(byte) 255, 0, 0, 0, (byte) 255, 0};
        ImageFrame out = frame(BlockHarness.of("threshold").param("level", 100).input("in", new ImageFrame(1, 2, 3, bgr)).start());
        assertArrayEquals(new byte[] {0, (byte) 255}, out.pixels());
    }

    @Test
    void shouldReadPngAsBgr() throws IOException {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, 0xFFFF0000); // red
        img.setRGB(1, 0, 0xFF00FF00); // green
        img.setRGB(2, 0, 0x800000FF); // half-transparent blue
        img.setRGB(0, 1, 0xFF102030);
        Path file = dir.resolve("pic.png");
        assertTrue(ImageIO.write(img, "png", file.toFile()));

        ImageFrame f = frame(BlockHarness.of("image-file").param("path", file.toString()).start());
        assertEquals(2, f.height());
        assertEquals(3, f.width());
        assertEquals(3, f.channels());
        byte[] p = f.pixels();
        assertArrayEquals(new byte[] {0, 0, (byte) 255}, Arrays.copyOfRange(p, 0, 3), "red is B=0 G=0 R=255");
        assertArrayEquals(new byte[] {0, (byte) 255, 0}, Arrays.copyOfRange(p, 3, 6));
        assertArrayEquals(new byte[] {(byte) 255, 0, 0}, Arrays.copyOfRange(p, 6, 9), "alpha is dropped");
        assertArrayEquals(new byte[] {0x30, 0x20, 0x10}, Arrays.copyOfRange(p, 9, 12));
    }

    @Test
    void shouldKeepGreyLevelsOfGreyPng() throws IOException {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(0, 0, 0, 128);
        img.getRaster().setSample(1, 0, 0, 17);
        Path file = dir.resolve("grey.png");
        ImageIO.write(img, "png", file.toFile());
        ImageFrame f = ImageFileBlock.read(file.toString());
        assertArrayEquals(new byte[] {(byte) 128, (byte) 128, (byte) 128, 17, 17, 17}, f.pixels());
    }

    @Test
    void shouldReadJpeg() throws IOException {
        BufferedImage img = new BufferedImage(16, 8, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 16; x++) {
                img.setRGB(x, y, 0x2080C0);
            }
        }
        Path file = dir.resolve("pic.jpg");
        assertTrue(ImageIO.write(img, "jpg", file.toFile()));
        ImageFrame f = ImageFileBlock.read(file.toString());
        assertEquals(8, f.height());
        assertEquals(16, f.width());
        assertEquals(0xC0, f.pixels()[0] & 0xFF, 6, "blue, within JPEG loss");
        assertEquals(0x80, f.pixels()[1] & 0xFF, 6);
        assertEquals(0x20, f.pixels()[2] & 0xFF, 6);
    }

    @Test
    void shouldReloadWhenPathChangesAndReuseFrameOtherwise() throws IOException {
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", a.toFile());
        ImageIO.write(new BufferedImage(2, 5, BufferedImage.TYPE_INT_RGB), "png", b.toFile());
        BlockHarness h = BlockHarness.of("image-file").param("path", a.toString()).start();
        ImageFrame first = frame(h);
        assertSame(first, frame(h.step(0.1)), "read once");
        h.param("path", b.toString()).step(0.1);
        assertEquals(5, frame(h).height());
    }

    @Test
    void shouldExplainMissingFile() {
        String missing = dir.resolve("nope.png").toString();
        BlockHarness h = BlockHarness.of("image-file").param("path", missing);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, h::start);
        assertEquals("image-file: cannot read '" + missing + "': no such file", e.getMessage());
    }

    @Test
    void shouldExplainFileThatIsNotAnImage() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageFileBlock.read(text.toString()));
        assertEquals("image-file: cannot read '" + text + "': not a PNG or JPEG image", e.getMessage());
    }

    @Test
    void shouldExplainEmptyPathAndFolder() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> BlockHarness.of("image-file").start());
        assertTrue(empty.getMessage().contains("no file chosen"), empty.getMessage());
        IllegalArgumentException folder = assertThrows(IllegalArgumentException.class, () -> ImageFileBlock.read(dir.toString()));
        assertTrue(folder.getMessage().endsWith("it is a folder"), folder.getMessage());
    }

    @Test
    void shouldExplainTruncatedPng() throws IOException {
        Path good = dir.resolve("good.png");
        ImageIO.write(new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB), "png", good.toFile());
        byte[] bytes = Files.readAllBytes(good);
        Path broken = Files.write(dir.resolve("broken.png"), Arrays.copyOf(bytes, bytes.length / 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageFileBlock.read(broken.toString()));
        assertTrue(e.getMessage().startsWith("image-file: cannot read '" + broken + "': "), e.getMessage());
    }
}
