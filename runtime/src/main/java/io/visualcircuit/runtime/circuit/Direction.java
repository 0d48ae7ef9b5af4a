package io.visualcircuit.runtime.circuit;

/** Whether a port receives values (inputs, drawn on the left) or produces them (outputs, on the right). */
public enum Direction {
    IN, OUT
}
