package io.wasmspring.engine.validation;

import static io.wasmspring.engine.validation.OperandType.EXTERNREF;
import static io.wasmspring.engine.validation.OperandType.F32;
import static io.wasmspring.engine.validation.OperandType.F64;
import static io.wasmspring.engine.validation.OperandType.FUNCREF;
import static io.wasmspring.engine.validation.OperandType.I32;
import static io.wasmspring.engine.validation.OperandType.I64;
import static io.wasmspring.engine.validation.OperandType.NONE;
import static io.wasmspring.engine.validation.OperandType.UNKNOWN;
import static io.wasmspring.engine.validation.OperandType.V128;

import io.wasmspring.engine.GlobalType;
import io.wasmspring.engine.InvalidModuleException;
import io.wasmspring.engine.MalformedModuleException;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.CodeReader;
import io.wasmspring.engine.structure.FunctionBody;
import io.wasmspring.engine.structure.Opcodes;
import java.util.Arrays;

/**
 * Validates function bodies with the algorithm of the spec's appendix "Validation Algorithm":
 * walks each instruction once, checking its immediates against the context C and its operand
 * types on the {@link TypeStacks}. The typing rules follow the spec's "Instructions" validation
 * section; fixed signatures come from {@link InstructionSignatures}.
 *
 * <p>The stacks are reused for every function of the module, so walking an instruction
 * allocates nothing. One instance validates one module, on one thread.
 */
final class FunctionValidator {

    /** Operands of the bulk memory and table instructions: destination/offset, source/value, length. */
    private static final int[] I32_I32_I32 = {I32, I32, I32};

    private final ValidationContext context;
    private final TypeStacks stack = new TypeStacks(this);

    /** C.locals and C.return of the function being validated. */
    private int[] locals;
    private int[] returnTypes;

    /** Where we are, for messages. */
    private int functionIndex;
    private int instructionOffset;
    private int opcode;

    /** The block type most recently read by {@link #readBlockType}. */
    private int[] blockParams;
    private int[] blockResults;

    FunctionValidator(ValidationContext context) {
        this.context = context;
    }

    /** Validates the body of function {@code functionIndex} (an index in the function index space). */
    void validate(int functionIndex, FunctionBody body) {
        this.functionIndex = functionIndex;
        int typeIndex = context.functionType(functionIndex);
        int[] params = context.typeParams(typeIndex);
        ValueType[] declared = body.locals();
        locals = new int[params.length + declared.length];
        System.arraycopy(params, 0, locals, 0, params.length);
        for (int i = 0; i < declared.length; i++) {
            locals[params.length + i] = OperandType.of(declared[i]);
        }
        returnTypes = context.typeResults(typeIndex);
        stack.clear();
        instructionOffset = body.codeStart();
        opcode = Opcodes.BLOCK;
        stack.pushCtrl(TypeStacks.FUNCTION_FRAME, NONE, returnTypes);

        CodeReader reader = body.reader();
        while (stack.depth() > 0) {
            if (reader.atEnd()) {
                throw new MalformedModuleException("END opcode expected", reader.position());
            }
            instructionOffset = reader.position();
            opcode = reader.readOpcode();
            instruction(reader);
        }
        if (!reader.atEnd()) {
            throw new MalformedModuleException("operators remaining after end of function", reader.position());
        }
    }

    // --- instructions --------------------------------------------------------------------------

    private void instruction(CodeReader reader) {
        switch (opcode) {
            case Opcodes.UNREACHABLE -> stack.unreachable();
            case Opcodes.NOP -> { }
            case Opcodes.BLOCK, Opcodes.LOOP -> {
                readBlockType(reader);
                stack.popAll(blockParams);
                stack.pushCtrl(opcode, blockParams, blockResults);
            }
            case Opcodes.IF -> {
                readBlockType(reader);
                stack.pop(I32);
                stack.popAll(blockParams);
                stack.pushCtrl(Opcodes.IF, blockParams, blockResults);
            }
            case Opcodes.ELSE -> elseInstruction();
            case Opcodes.END -> endInstruction();
            case Opcodes.BR -> {
                stack.popAll(stack.labelTypes(reader.readU32()));
                stack.unreachable();
            }
            case Opcodes.BR_IF -> {
                int[] types = stack.labelTypes(reader.readU32());
                stack.pop(I32);
                stack.popAll(types);
                stack.pushAll(types);
            }
            case Opcodes.BR_TABLE -> brTable(reader);
            case Opcodes.RETURN -> {
                stack.popAll(returnTypes);
                stack.unreachable();
            }
            case Opcodes.CALL -> call(checkFunction(reader.readU32()));
            case Opcodes.CALL_INDIRECT -> callIndirect(reader);
            case Opcodes.DROP -> stack.popAny();
            case Opcodes.SELECT -> select();
            case Opcodes.SELECT_T -> typedSelect(reader);
            case Opcodes.LOCAL_GET -> stack.push(local(reader.readU32()));
            case Opcodes.LOCAL_SET -> stack.pop(local(reader.readU32()));
            case Opcodes.LOCAL_TEE -> {
                int type = local(reader.readU32());
                stack.pop(type);
                stack.push(type);
            }
            case Opcodes.GLOBAL_GET -> stack.push(OperandType.of(global(reader.readU32()).valueType()));
            case Opcodes.GLOBAL_SET -> {
                int index = reader.readU32();
                GlobalType global = global(index);
                if (!global.mutable()) {
                    throw fail("global is immutable: global.set " + Integer.toUnsignedString(index) + " on " + global);
                }
                stack.pop(OperandType.of(global.valueType()));
            }
            case Opcodes.TABLE_GET -> {
                int type = table(reader.readU32());
                stack.pop(I32);
                stack.push(type);
            }
            case Opcodes.TABLE_SET -> {
                int type = table(reader.readU32());
                stack.pop(type);
                stack.pop(I32);
            }
            case Opcodes.MEMORY_SIZE -> {
                memory(reader.readByte());
                stack.push(I32);
            }
            case Opcodes.MEMORY_GROW -> {
                memory(reader.readByte());
                stack.pop(I32);
                stack.push(I32);
            }
            case Opcodes.I32_CONST -> {
                reader.readS32();
                stack.push(I32);
            }
            case Opcodes.I64_CONST -> {
                reader.readS64();
                stack.push(I64);
            }
            case Opcodes.F32_CONST -> {
                reader.readF32Bits();
                stack.push(F32);
            }
            case Opcodes.F64_CONST -> {
                reader.readF64Bits();
                stack.push(F64);
            }
            case Opcodes.REF_NULL -> stack.push(readReferenceType(reader));
            case Opcodes.REF_IS_NULL -> {
                int type = stack.popAny();
                if (type != UNKNOWN && !OperandType.isReference(type)) {
                    throw fail("type mismatch: ref.is_null expects a reference but the stack has ["
                            + OperandType.name(type) + "]");
                }
                stack.push(I32);
            }
            case Opcodes.REF_FUNC -> {
                int index = checkFunction(reader.readU32());
                if (!context.isDeclaredReference(index)) {
                    throw fail("undeclared function reference: ref.func " + index
                            + " needs the function declared in an element segment, export or global");
                }
                stack.push(FUNCREF);
            }
            default -> {
                if (InstructionSignatures.naturalAlignment(opcode) >= 0) {
                    memoryAccess(reader);
                    apply(InstructionSignatures.of(opcode));
                } else if ((opcode >>> 16) == Opcodes.PREFIX_FC) {
                    prefixedFC(reader);
                } else if ((opcode >>> 16) == Opcodes.PREFIX_FD) {
                    simd(reader);
                } else {
                    Signature signature = InstructionSignatures.of(opcode);
                    if (signature == null) {
                        throw new MalformedModuleException("illegal opcode 0x" + Integer.toHexString(opcode),
                                instructionOffset);
                    }
                    apply(signature);
                }
            }
        }
    }

    /** The 0xFC instructions: saturating truncation, bulk memory and table instructions. */
    private void prefixedFC(CodeReader reader) {
        switch (opcode) {
            case Opcodes.MEMORY_INIT -> {
                int data = reader.readU32();
                memory(reader.readByte());
                checkData(data);
                stack.popAll(I32_I32_I32);
            }
            case Opcodes.DATA_DROP -> checkData(reader.readU32());
            case Opcodes.MEMORY_COPY -> {
                memory(reader.readByte());
                memory(reader.readByte());
                stack.popAll(I32_I32_I32);
            }
            case Opcodes.MEMORY_FILL -> {
                memory(reader.readByte());
                stack.popAll(I32_I32_I32);
            }
            case Opcodes.TABLE_INIT -> {
                int elemIndex = reader.readU32();
                int table = table(reader.readU32()); // the spec checks the table first
                int elem = element(elemIndex);
                if (elem != table) {
                    throw fail("type mismatch: table.init copies " + OperandType.name(elem) + " elements into a table of "
                            + OperandType.name(table));
                }
                stack.popAll(I32_I32_I32);
            }
            case Opcodes.ELEM_DROP -> element(reader.readU32());
            case Opcodes.TABLE_COPY -> {
                int destination = table(reader.readU32());
                int source = table(reader.readU32());
                if (destination != source) {
                    throw fail("type mismatch: table.copy from a table of " + OperandType.name(source) + " to a table of "
                            + OperandType.name(destination));
                }
                stack.popAll(I32_I32_I32);
            }
            case Opcodes.TABLE_GROW -> {
                int type = table(reader.readU32());
                stack.pop(I32);
                stack.pop(type);
                stack.push(I32);
            }
            case Opcodes.TABLE_SIZE -> {
                table(reader.readU32());
                stack.push(I32);
            }
            case Opcodes.TABLE_FILL -> {
                int type = table(reader.readU32());
                stack.pop(I32);
                stack.pop(type);
                stack.pop(I32);
            }
            default -> {
                Signature signature = InstructionSignatures.of(opcode);
                if (signature == null) {
                    throw new MalformedModuleException("illegal opcode " + Opcodes.name(opcode), instructionOffset);
                }
                apply(signature);
            }
        }
    }

    /**
     * The 0xFD (SIMD) instructions: their immediates are checked here (a memarg's alignment
     * against the access's natural alignment, a lane index against the shape's lane count,
     * {@code i8x16.shuffle}'s 16 lane indices against 32), their stack effect is the fixed
     * signature of {@link InstructionSignatures}.
     */
    private void simd(CodeReader reader) {
        Signature signature = InstructionSignatures.of(opcode);
        if (signature == null) {
            throw new MalformedModuleException("illegal opcode " + Opcodes.name(opcode), instructionOffset);
        }
        int natural = InstructionSignatures.simdNaturalAlignment(opcode);
        if (natural >= 0) {
            memarg(reader, natural);
        }
        int lanes = InstructionSignatures.simdLaneCount(opcode);
        if (opcode == Opcodes.V128_CONST) {
            reader.skip(16);
        } else if (opcode == Opcodes.I8X16_SHUFFLE) {
            for (int i = 0; i < 16; i++) {
                laneIndex(reader, 32);
            }
        } else if (lanes > 0) {
            laneIndex(reader, lanes);
        }
        apply(signature);
    }

    private void laneIndex(CodeReader reader, int laneCount) {
        int lane = reader.readByte();
        if (lane >= laneCount) {
            throw fail("invalid lane index: " + Opcodes.name(opcode) + " has " + laneCount + " lanes but names lane " + lane);
        }
    }

    private void apply(Signature signature) {
        stack.popAll(signature.params());
        stack.pushAll(signature.results());
    }

    private void elseInstruction() {
        if (stack.currentKind() != Opcodes.IF) {
            throw fail("else without a matching if");
        }
        int[] params = stack.currentParams();
        int[] results = stack.currentResults();
        stack.popCtrl();
        stack.pushCtrl(Opcodes.ELSE, params, results);
    }

    private void endInstruction() {
        int kind = stack.currentKind();
        int[] params = stack.currentParams();
        int[] results = stack.currentResults();
        stack.popCtrl();
        // An if without else behaves as if its else passed the parameters on as results.
        if (kind == Opcodes.IF && !Arrays.equals(params, results)) {
            throw fail("type mismatch: if without else must have results equal to its parameters, but has "
                    + OperandType.list(params) + " -> " + OperandType.list(results));
        }
        stack.pushAll(results);
    }

    private void brTable(CodeReader reader) {
        stack.pop(I32);
        long count = Integer.toUnsignedLong(reader.readU32());
        int arity = -1;
        for (long i = 0; i < count; i++) {
            int label = reader.readU32();
            int[] types = stack.labelTypes(label);
            if (arity < 0) {
                arity = types.length;
            } else if (types.length != arity) {
                throw arityMismatch(label, types, arity);
            }
            stack.checkTop(types);
        }
        int defaultLabel = reader.readU32();
        int[] types = stack.labelTypes(defaultLabel);
        if (arity >= 0 && types.length != arity) {
            throw arityMismatch(defaultLabel, types, arity);
        }
        stack.popAll(types);
        stack.unreachable();
    }

    private InvalidModuleException arityMismatch(int label, int[] types, int arity) {
        return fail("type mismatch: br_table targets must have the same arity, but label " + Integer.toUnsignedString(label)
                + " takes " + OperandType.list(types) + " where an earlier target takes " + arity + " value(s)");
    }

    private void call(int function) {
        int type = context.functionType(function);
        stack.popAll(context.typeParams(type));
        stack.pushAll(context.typeResults(type));
    }

    private void callIndirect(CodeReader reader) {
        int typeIndex = reader.readU32();
        int tableIndex = reader.readU32();
        int elementType = table(tableIndex);
        if (elementType != FUNCREF) {
            throw fail("type mismatch: call_indirect needs a funcref table but table " + Integer.toUnsignedString(tableIndex)
                    + " holds " + OperandType.name(elementType));
        }
        if (!context.hasType(typeIndex)) {
            throw fail("unknown type " + Integer.toUnsignedString(typeIndex));
        }
        stack.pop(I32);
        stack.popAll(context.typeParams(typeIndex));
        stack.pushAll(context.typeResults(typeIndex));
    }

    /** Untyped select: only for numeric (and vector) operands, since references need a type. */
    private void select() {
        stack.pop(I32);
        int second = stack.popAny();
        int first = stack.popAny();
        if (!selectable(first) || !selectable(second)) {
            throw fail("type mismatch: select without a result type needs numeric operands but the stack has ["
                    + OperandType.name(first) + " " + OperandType.name(second)
                    + " i32]; write select (result t) for references");
        }
        if (first != second && first != UNKNOWN && second != UNKNOWN) {
            throw fail("type mismatch: select operands must have one type but the stack has ["
                    + OperandType.name(first) + " " + OperandType.name(second) + " i32]");
        }
        stack.push(first == UNKNOWN ? second : first);
    }

    private static boolean selectable(int type) {
        return type == UNKNOWN || OperandType.isNumeric(type) || type == V128;
    }

    private void typedSelect(CodeReader reader) {
        int count = reader.readU32();
        if (count != 1) {
            throw fail("invalid result arity: select takes exactly one result type, not " + Integer.toUnsignedString(count));
        }
        int type = readValueType(reader);
        stack.pop(I32);
        stack.pop(type);
        stack.pop(type);
        stack.push(type);
    }

    private void memoryAccess(CodeReader reader) {
        memarg(reader, InstructionSignatures.naturalAlignment(opcode));
    }

    /** A memarg of an access whose natural alignment is {@code 2^natural} bytes, on memory 0. */
    private void memarg(CodeReader reader, int natural) {
        int align = reader.readU32();
        reader.readU32(); // offset: any u32 is valid
        memory(0);
        if (Integer.compareUnsigned(align, natural) > 0) {
            throw fail("alignment must not be larger than natural: " + Opcodes.name(opcode) + " accesses " + (1 << natural)
                    + " byte(s) but declares alignment 2^" + Integer.toUnsignedString(align));
        }
    }

    // --- immediates and index spaces -----------------------------------------------------------

    private void readBlockType(CodeReader reader) {
        long blockType = reader.readBlockType();
        if (blockType == CodeReader.BLOCK_TYPE_EMPTY) {
            blockParams = NONE;
            blockResults = NONE;
        } else if (blockType < 0) {
            ValueType type = blockType >= -0x40 ? ValueType.fromCode((int) (blockType & 0x7F)) : null;
            if (type == null) {
                throw new MalformedModuleException("malformed block type", instructionOffset + 1);
            }
            blockParams = NONE;
            blockResults = OperandType.single(OperandType.of(type));
        } else {
            if (blockType > Integer.MAX_VALUE || !context.hasType((int) blockType)) {
                throw fail("unknown type " + blockType);
            }
            blockParams = context.typeParams((int) blockType);
            blockResults = context.typeResults((int) blockType);
        }
    }

    private int readValueType(CodeReader reader) {
        int start = reader.position();
        ValueType type = ValueType.fromCode(reader.readByte());
        if (type == null) {
            throw new MalformedModuleException("malformed value type", start);
        }
        return OperandType.of(type);
    }

    private int readReferenceType(CodeReader reader) {
        int start = reader.position();
        int code = reader.readByte();
        if (code == ValueType.FUNCREF.code()) {
            return FUNCREF;
        }
        if (code == ValueType.EXTERNREF.code()) {
            return EXTERNREF;
        }
        throw new MalformedModuleException("malformed reference type", start);
    }

    private int local(int index) {
        if (index < 0 || index >= locals.length) {
            throw fail("unknown local " + Integer.toUnsignedString(index) + ": the function has " + locals.length
                    + " locals, parameters included");
        }
        return locals[index];
    }

    private GlobalType global(int index) {
        if (!context.hasGlobal(index)) {
            throw fail("unknown global " + Integer.toUnsignedString(index));
        }
        return context.global(index);
    }

    private int checkFunction(int index) {
        if (!context.hasFunction(index)) {
            throw fail("unknown function " + Integer.toUnsignedString(index));
        }
        return index;
    }

    /** Checks the table exists and returns its element type. */
    private int table(int index) {
        if (!context.hasTable(index)) {
            throw fail("unknown table " + Integer.toUnsignedString(index));
        }
        return context.tableElementType(index);
    }

    private void memory(int index) {
        if (!context.hasMemory(index)) {
            throw fail("unknown memory " + Integer.toUnsignedString(index));
        }
    }

    /** Checks the element segment exists and returns its type. */
    private int element(int index) {
        if (!context.hasElement(index)) {
            throw fail("unknown elem segment " + Integer.toUnsignedString(index));
        }
        return context.elementType(index);
    }

    private void checkData(int index) {
        if (!context.hasDataCount()) {
            throw new MalformedModuleException("data count section required", instructionOffset);
        }
        if (!context.hasData(index)) {
            throw fail("unknown data segment " + Integer.toUnsignedString(index));
        }
    }

    // --- messages ------------------------------------------------------------------------------

    /** The current instruction's name, for messages. */
    String instructionName() {
        return Opcodes.name(opcode);
    }

    /** An error at the current instruction: {@code message (function 3 "fac", offset 0x1a2)}. */
    InvalidModuleException fail(String message) {
        return new InvalidModuleException(message + " (" + location() + ")");
    }

    private String location() {
        String name = context.module.functionName(functionIndex);
        return "function " + functionIndex + (name == null ? "" : " \"" + name + "\"")
                + ", offset 0x" + Integer.toHexString(instructionOffset);
    }
}
