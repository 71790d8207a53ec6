// The near-native reference: runs the same modules on node (V8), the reactors linked with
// node:wasi, and times them internally, so process start-up and V8 warm-up are not in the
// numbers. Started by NodeReference.java with one JSON argument:
//   { warmupIterations, warmupMs, iterations, iterationMs,
//     workloads: [{key, file, input, checksum}], largeModule, calls,
//     command: {key, file, args, expectedLength} }
// and prints, per benchmark, one "ITERATION <key> <index> <ns per op>" line per measured
// iteration and a closing "RESULT <key> <mean ns per op>" (or "FAILED <key> <reason>").
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';

const spec = JSON.parse(process.argv[2]);

function imports() {
  const wasi = new WASI({ version: 'preview1', args: ['benchmark'], env: {}, returnOnExit: true });
  const object = wasi.getImportObject();
  object.env = { host_increment: (value) => (value + 1) | 0 };
  return { wasi, object };
}

function instantiate(module) {
  const { wasi, object } = imports();
  const instance = new WebAssembly.Instance(module, object);
  if (typeof instance.exports._initialize === 'function') {
    wasi.initialize(instance);
  }
  return instance;
}

// JMH's scheme: warmupIterations then iterations, each running op() in batches of `batch` until
// its time is up (at least one batch); an iteration's score is its time per op.
function iteration(op, batch, millis) {
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(millis * 1e6));
  let ops = 0;
  let now;
  do {
    for (let i = 0; i < batch; i++) op();
    ops += batch;
    now = process.hrtime.bigint();
  } while (now < end);
  return Number(now - start) / ops;
}

function measure(key, op, batch) {
  for (let i = 0; i < spec.warmupIterations; i++) iteration(op, batch, spec.warmupMs);
  const samples = [];
  for (let i = 1; i <= spec.iterations; i++) {
    const perOp = iteration(op, batch, spec.iterationMs);
    samples.push(perOp);
    console.log(`ITERATION ${key} ${i} ${perOp.toFixed(1)}`);
  }
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  console.log(`RESULT ${key} ${mean.toFixed(1)}`);
}

function guarded(key, body) {
  try {
    body();
  } catch (e) {
    console.log(`FAILED ${key} ${String(e && e.message || e).replace(/\s+/g, ' ')}`);
  }
}

for (const w of spec.workloads) {
  guarded(w.key, () => {
    const run = instantiate(new WebAssembly.Module(readFileSync(w.file))).exports.run;
    measure(w.key, () => {
      const result = run(w.input) | 0;
      if (result !== w.checksum) throw new Error(`run(${w.input}) returned ${result >>> 0}, expected ${w.checksum >>> 0}`);
    }, 1);
  });
}

if (spec.largeModule) {
  const bytes = readFileSync(spec.largeModule);
  // V8 caches compiled modules by their bytes: a custom section holding a counter makes each
  // compilation new. (V8 still compiles function bodies lazily, on first call.)
  let counter = 0;
  const unique = () => {
    const extra = Buffer.alloc(14);
    extra[0] = 0; extra[1] = 12; extra[2] = 5; extra.write('bench', 3, 'latin1');
    extra.writeUInt32LE(counter++, 8);
    return Buffer.concat([bytes, extra]);
  };
  guarded('moduleLoad', () => measure('moduleLoad', () => new WebAssembly.Module(unique()), 1));
  guarded('instantiate', () => {
    const module = new WebAssembly.Module(bytes);
    measure('instantiate', () => new WebAssembly.Instance(module, imports().object), 1);
  });
}

if (spec.calls) {
  const exports = instantiate(new WebAssembly.Module(readFileSync(spec.calls))).exports;
  let i = 0;
  guarded('callAdd', () => measure('callAdd', () => {
    const v = i++ & 0x7fff;
    if (exports.add(v, 1) !== v + 1) throw new Error('add returned a wrong sum');
  }, 1000));
  guarded('hostRoundTrip', () => measure('hostRoundTrip', () => {
    const v = i++ & 0x7fff;
    if (exports.call_host(v) !== v + 1) throw new Error('call_host returned a wrong value');
  }, 1000));
}

// node:wasi (node 20) crashes with SIGSEGV after some hundreds of start() calls in one process,
// so the WASI command runs on this minimal preview1 of its own: just the calls a wasi-libc
// command makes to print. Like our engine, it shows stdout as a character device (so stdio is
// line-buffered) and keeps nothing of the output but its length.
class ExitSignal {
  constructor(code) { this.code = code; }
}

function commandImports(args, getMemory, output) {
  const encoded = args.map((a) => Buffer.from(a + '\0', 'utf8'));
  const view = () => new DataView(getMemory().buffer);
  const bytes = () => new Uint8Array(getMemory().buffer);
  const EBADF = 8, ESPIPE = 70, CHARACTER_DEVICE = 2;
  return {
    wasi_snapshot_preview1: {
      args_sizes_get(argcPtr, sizePtr) {
        view().setUint32(argcPtr, encoded.length, true);
        view().setUint32(sizePtr, encoded.reduce((n, a) => n + a.length, 0), true);
        return 0;
      },
      args_get(argvPtr, bufPtr) {
        const v = view();
        let at = bufPtr;
        encoded.forEach((a, i) => {
          v.setUint32(argvPtr + 4 * i, at, true);
          bytes().set(a, at);
          at += a.length;
        });
        return 0;
      },
      fd_fdstat_get(fd, ptr) {
        if (fd > 2) return EBADF;
        const v = view();
        v.setUint8(ptr, CHARACTER_DEVICE);
        v.setUint16(ptr + 2, 0, true);
        v.setBigUint64(ptr + 8, BigInt((1 << 3) | (1 << 6) | (1 << 21) | (1 << 27)), true);
        v.setBigUint64(ptr + 16, 0n, true);
        return 0;
      },
      fd_seek(fd) { return fd > 2 ? EBADF : ESPIPE; },
      fd_close(fd) { return fd > 2 ? EBADF : 0; },
      fd_write(fd, iovs, count, writtenPtr) {
        if (fd < 1 || fd > 2) return EBADF;
        const v = view();
        let total = 0;
        for (let i = 0; i < count; i++) total += v.getUint32(iovs + 8 * i + 4, true);
        if (fd === 1) output.length += total;
        v.setUint32(writtenPtr, total, true);
        return 0;
      },
      proc_exit(code) { throw new ExitSignal(code); },
    },
  };
}

if (spec.command) {
  const c = spec.command;
  guarded(c.key, () => {
    const module = new WebAssembly.Module(readFileSync(c.file));
    measure(c.key, () => {
      const output = { length: 0 };
      let instance;
      const importObject = commandImports(c.args, () => instance.exports.memory, output);
      instance = new WebAssembly.Instance(module, importObject);
      let exitCode = 0;
      try {
        instance.exports._start();
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e;
        exitCode = e.code;
      }
      if (exitCode !== 0 || output.length !== c.expectedLength) {
        throw new Error(`exited with ${exitCode} after printing ${output.length} bytes, expected 0 and ${c.expectedLength}`);
      }
    }, 1);
  });
}
