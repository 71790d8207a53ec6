package io.wasmspring.engine.wast;

import io.wasmspring.engine.Module;
import io.wasmspring.engine.text.WatParser;

/** Turns a script's module definition into a {@link Module}: text is encoded to binary, then decoded. */
final class ScriptModules {

    private ScriptModules() {
    }

    /** Decodes, validates and lowers; throws MalformedModuleException or InvalidModuleException. */
    static Module compile(ModuleDefinition definition) {
        byte[] binary = switch (definition.kind()) {
            case BINARY -> definition.bytes();
            case TEXT, QUOTE -> WatParser.parseModule(definition.text());
        };
        return Module.decode(binary);
    }
}
