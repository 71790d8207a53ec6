package io.wasmspring.engine;

/**
 * Size limits of a memory (in 64 KiB pages) or a table (in elements).
 *
 * @param min the initial size
 * @param max the maximum size, or {@link #UNBOUNDED} when the module declares none
 */
public record Limits(long min, long max) {

    /** Marks an absent maximum. */
    public static final long UNBOUNDED = -1;

    public static Limits of(long min) {
        return new Limits(min, UNBOUNDED);
    }

    public boolean hasMax() {
        return max != UNBOUNDED;
    }

    @Override
    public String toString() {
        return hasMax() ? min + " " + max : Long.toString(min);
    }
}
