package io.wasmspring.engine.validation;

import static io.wasmspring.engine.ValueType.FUNCREF;
import static io.wasmspring.engine.ValueType.I32;
import static io.wasmspring.engine.ValueType.I64;
import static io.wasmspring.engine.structure.Opcodes.*;
import static io.wasmspring.engine.validation.Code.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.wasmspring.engine.WasmException;
import io.wasmspring.engine.structure.FunctionBody;
import io.wasmspring.engine.structure.SegmentMode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Corrupted bodies must fail with the engine's own exceptions (invalid or malformed module),
 * never with an {@link IndexOutOfBoundsException} or similar: the validator is the last line of
 * defence before lowering.
 */
class RobustnessTest {

    @Test
    void mutatedBodiesOnlyFailWithWasmExceptions() {
        Random random = new Random(20261124);
        int rejected = 0;
        for (int round = 0; round < 20_000; round++) {
            TestModule m = richModule();
            FunctionBody body = m.module.codes.get(0);
            byte[] bytes = body.bytes().clone();
            int mutations = 1 + random.nextInt(3);
            for (int i = 0; i < mutations; i++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            m.module.codes.set(0, new FunctionBody(body.locals(), bytes, body.codeStart(), body.codeEnd()));
            try {
                m.validate();
            } catch (WasmException expected) {
                rejected++;
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("round " + round + " leaked " + e, e);
            }
        }
        assertThat(rejected).isGreaterThan(10_000);
    }

    /** A module using many index spaces, so mutated immediates hit each kind of index check. */
    private static TestModule richModule() {
        TestModule m = TestModule.module();
        m.memory(1, -1).table(FUNCREF, 2, -1).passiveData().dataCount(1);
        int pair = m.type(List.of(I32, I32), List.of(I32));
        m.function(m.type(List.of(I32), List.of(I32)), List.of(I64), code()
                .op(LOCAL_GET, 0).i32(2).blockType(BLOCK, pair).op(I32_ADD).end()
                .block(BLOCK, I32).op(LOCAL_GET, 0).op(LOCAL_GET, 0).op(BR_IF, 0).op(LOCAL_GET, 0).op(BR_TABLE).u32(2).u32(0).u32(1).u32(0).end()
                .i32(0).op(CALL_INDIRECT).u32(1).u32(0)
                .mem(I64_LOAD, 3, 16).op(LOCAL_SET, 1)
                .i32(0).i32(0).i32(1).op(MEMORY_INIT).u32(0).raw(0)
                .op(TABLE_SIZE, 0).op(DROP)
                .op(REF_FUNC, 0).op(REF_IS_NULL).op(DROP)
                .op(GLOBAL_GET, 0).op(DROP)
                .end());
        m.global(I32, true, code().i32(1));
        m.elements(SegmentMode.DECLARATIVE, FUNCREF, code().op(REF_FUNC, 0));
        return m;
    }

    @Test
    void richModuleIsValidUnmutated() {
        assertThatCode(() -> richModule().validate()).doesNotThrowAnyException();
    }
}
