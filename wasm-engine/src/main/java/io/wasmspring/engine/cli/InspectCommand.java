package io.wasmspring.engine.cli;

import io.wasmspring.engine.ExportType;
import io.wasmspring.engine.ImportType;
import io.wasmspring.engine.Module;
import java.io.PrintStream;
import java.util.List;

/** {@code inspect FILE}: prints what a module imports and exports, with their types. */
final class InspectCommand implements CliCommand {

    @Override
    public String name() {
        return "inspect";
    }

    @Override
    public String synopsis() {
        return "FILE";
    }

    @Override
    public String description() {
        return "print a module's imports and exports with their types (.wasm or .wat)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        if (args.size() != 1) {
            throw new UsageException("inspect takes exactly one module file");
        }
        Module module = ModuleFiles.read(args.get(0));
        List<ImportType> imports = module.imports();
        List<ExportType> exports = module.exports();
        out.println("imports (" + imports.size() + "):");
        for (ImportType i : imports) {
            out.println("  " + i.type().kind() + " \"" + i.module() + "\" \"" + i.name() + "\" " + i.type());
        }
        out.println("exports (" + exports.size() + "):");
        for (ExportType e : exports) {
            out.println("  " + e.type().kind() + " \"" + e.name() + "\" " + e.type());
        }
        return 0;
    }
}
