package io.visualcircuit.runtime.blocks;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.color.ColorSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * {@code image-file}: reads the PNG or JPEG file named by {@code path} and writes it on {@code out}
 * on every step, as a 3-channel BGR image (grey images are repeated into the three channels,
 * transparency is dropped). The file is read once, and again when {@code path} changes. A relative
 * path is resolved against the block process's working directory.
 *
 * <p>A path that is empty, missing, unreadable or not an image stops the block with a message naming
 * the file and the reason. Kept in its own class so that only circuits with an image file pay for
 * loading the image decoders into a block process.
 */
final class ImageFileBlock implements JavaBlock {
    /** Larger images are refused: they would not fit a block process's heap or a wire. */
    static final long MAX_PIXELS = 40_000_000L;

    private String loadedPath;
    private ImageFrame frame;

    @Override
    public void step(Inputs inputs, Outputs outputs, Params params) {
        String path = params.string("path", "").trim();
        if (!path.equals(loadedPath)) {
            frame = read(path);
            loadedPath = path;
        }
        outputs.image("out", frame);
    }

    /**
     * Reads an image file into a BGR frame.
     *
     * @throws IllegalArgumentException with a message for the user when the file cannot be used
     */
    static ImageFrame read(String pathText) {
        if (pathText.isEmpty()) {
            throw new IllegalArgumentException("image-file: no file chosen (the parameter 'path' is empty)");
        }
        Path path;
        try {
            path = Path.of(pathText);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("image-file: '" + pathText + "' is not a valid path");
        }
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("image-file: cannot read '" + pathText + "': no such file");
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("image-file: cannot read '" + pathText + "': it is a folder");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(path.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("image-file: cannot read '" + pathText + "': " + reason(e));
        }
        if (image == null) {
            throw new IllegalArgumentException("image-file: cannot read '" + pathText + "': not a PNG or JPEG image");
        }
        return toBgr(image, pathText);
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static ImageFrame toBgr(BufferedImage image, String name) {
        int w = image.getWidth();
        int h = image.getHeight();
        if ((long) w * h > MAX_PIXELS) {
            throw new IllegalArgumentException("image-file: '" + name + "' is too large (" + w + "x" + h + " pixels)");
        }
        byte[] px = new byte[w * h * 3];
        boolean plainGray = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && !(image.getColorModel() instanceof IndexColorModel);
        if (plainGray) {
            // getRGB would pass grey through a linear-to-sRGB conversion and brighten it; the file's
            // grey levels are what the user expects to see.
            Raster raster = image.getRaster();
            int shift = Math.max(0, raster.getSampleModel().getSampleSize(0) - 8);
            int[] row = new int[w];
            for (int y = 0, i = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    byte v = (byte) (row[x] >> shift);
                    px[i++] = v;
                    px[i++] = v;
                    px[i++] = v;
                }
            }
        } else {
            int[] row = new int[w];
            for (int y = 0, i = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int argb = row[x];
                    px[i++] = (byte) argb;
                    px[i++] = (byte) (argb >> 8);
                    px[i++] = (byte) (argb >> 16);
                }
            }
        }
        return new ImageFrame(h, w, 3, px);
    }
}
