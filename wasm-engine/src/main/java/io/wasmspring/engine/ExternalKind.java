package io.wasmspring.engine;

/** The four kinds of importable and exportable entities, with their binary encodings. */
public enum ExternalKind {
    FUNCTION(0x00, "func"),
    TABLE(0x01, "table"),
    MEMORY(0x02, "memory"),
    GLOBAL(0x03, "global");

    private final int code;
    private final String text;

    ExternalKind(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    /** The kind encoded by {@code code}, or {@code null}. */
    public static ExternalKind fromCode(int code) {
        for (ExternalKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
