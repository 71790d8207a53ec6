package io.wasmspring.engine.structure;

/**
 * The section ids of the binary format (spec 5.5.2), shared by the decoder that reads them and
 * the text encoder that writes them.
 */
public final class SectionId {

    public static final int CUSTOM = 0;
    public static final int TYPE = 1;
    public static final int IMPORT = 2;
    public static final int FUNCTION = 3;
    public static final int TABLE = 4;
    public static final int MEMORY = 5;
    public static final int GLOBAL = 6;
    public static final int EXPORT = 7;
    public static final int START = 8;
    public static final int ELEMENT = 9;
    public static final int CODE = 10;
    public static final int DATA = 11;
    public static final int DATA_COUNT = 12;

    /** One more than the largest id defined by WebAssembly 2.0. */
    public static final int COUNT = 13;

    private SectionId() {
    }
}
