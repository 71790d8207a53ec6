package io.wasmspring.engine.interpreter;

import java.util.Arrays;

/** A growable list of {@code int}s without boxing, for building code arrays. */
final class IntList {

    private int[] values = new int[16];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int get(int i) {
        return values[i];
    }

    void set(int i, int value) {
        values[i] = value;
    }

    int size() {
        return size;
    }

    /** Drops the elements from index {@code newSize} on. */
    void truncate(int newSize) {
        size = newSize;
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
