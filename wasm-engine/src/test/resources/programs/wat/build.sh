#!/bin/sh
# Rebuilds main.wasm from main.wat with the engine's own text-format encoder (WatParser), so no
# outside tool is needed: compile the engine first (mvn -pl wasm-engine compile) or point
# ENGINE_CLASSES at its classes. RealProgramsTest checks that main.wasm matches main.wat.
set -e
cd "$(dirname "$0")"
ENGINE_CLASSES=${ENGINE_CLASSES:-../../../../../target/classes}
TOOL=$(mktemp -d)
trap 'rm -rf "$TOOL"' EXIT
cat > "$TOOL/WatToWasm.java" <<'JAVA'
import java.nio.file.Files;
import java.nio.file.Path;

public class WatToWasm {
    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[0]));
        Files.write(Path.of(args[1]), io.wasmspring.engine.text.WatParser.parseModule(text));
    }
}
JAVA
java -cp "$ENGINE_CLASSES" "$TOOL/WatToWasm.java" main.wat main.wasm
