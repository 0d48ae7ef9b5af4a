package io.visualcircuit.app.document.commands;

import io.visualcircuit.runtime.circuit.Block;

/**
 * The size a block is drawn at, which only the canvas knows (it depends on the title and the
 * ports). {@link Align} asks it to line up right edges and centres; a block's position is its
 * top-left corner. Called on the document's thread.
 */
public interface BlockBounds {
    double width(Block block);

    double height(Block block);

    /** Every block drawn at the same size, for tests and headless use. */
    static BlockBounds fixed(double width, double height) {
        return new BlockBounds() {
            @Override
            public double width(Block block) {
                return width;
            }

            @Override
            public double height(Block block) {
                return height;
            }
        };
    }
}
