// WASI test program (AssemblyScript with @assemblyscript/wasi-shim): args, env, stdout/stderr,
// files in the preopened directory /sandbox, clocks, random and the exit code. The shim covers
// console and process; files, clocks and random use the preview1 functions directly.
import {
  fd, errno, oflags, rights, clockid, dirent, prestat, filestat,
  fd_prestat_get, fd_prestat_dir_name, path_open, fd_read, fd_write, fd_close, fd_readdir,
  path_create_directory, path_rename, path_unlink_file, path_filestat_get,
  clock_time_get, random_get,
} from "@assemblyscript/wasi-shim/assembly/bindings/wasi_snapshot_preview1";

const scratch = memory.data(64);
const FILE_RIGHTS: rights = rights.FD_READ | rights.FD_WRITE;
const DIRECTORY_RIGHTS: rights = rights.FD_READDIR;

function fail(what: string, err: errno): void {
  process.stderr.write("FAILED: " + what + " (errno " + err.toString() + ")\n");
  process.exit(1);
}

/** The descriptor of the preopened directory called `name`, found by walking the preopens from fd 3. */
function findPreopen(name: string): fd {
  for (let candidate: fd = 3; candidate < 64; candidate++) {
    if (fd_prestat_get(candidate, changetype<prestat>(scratch)) != errno.SUCCESS) break;
    const len = load<u32>(scratch, 4);
    const buf = new ArrayBuffer(len);
    if (fd_prestat_dir_name(candidate, changetype<usize>(buf), len) != errno.SUCCESS) break;
    if (String.UTF8.decode(buf) == name) return candidate;
  }
  fail("no preopen " + name, errno.NOENT);
  return 0;
}

function open(dir: fd, path: string, flags: oflags): fd {
  const p = String.UTF8.encode(path);
  const wanted = flags & oflags.DIRECTORY ? DIRECTORY_RIGHTS : FILE_RIGHTS;
  const err = path_open(dir, 0, changetype<usize>(p), p.byteLength, flags, wanted, 0, 0, scratch);
  if (err != errno.SUCCESS) fail("open " + path, err);
  return load<u32>(scratch);
}

function writeFile(dir: fd, path: string, text: string): void {
  const file = open(dir, path, oflags.CREAT | oflags.TRUNC);
  const data = String.UTF8.encode(text);
  store<usize>(scratch, changetype<usize>(data));
  store<usize>(scratch, data.byteLength, 4);
  const err = fd_write(file, scratch, 1, scratch + 8);
  if (err != errno.SUCCESS) fail("write " + path, err);
  fd_close(file);
}

function firstLine(dir: fd, path: string): string {
  const file = open(dir, path, 0);
  const buf = new ArrayBuffer(256);
  store<usize>(scratch, changetype<usize>(buf));
  store<usize>(scratch, buf.byteLength, 4);
  const err = fd_read(file, scratch, 1, scratch + 8);
  if (err != errno.SUCCESS) fail("read " + path, err);
  fd_close(file);
  const text = String.UTF8.decode(buf.slice(0, load<u32>(scratch, 8)));
  const newline = text.indexOf("\n");
  return newline < 0 ? text : text.substring(0, newline);
}

function listDirectory(dir: fd, path: string): string[] {
  const handle = open(dir, path, oflags.DIRECTORY);
  const buf = new ArrayBuffer(1024);
  const base = changetype<usize>(buf);
  const err = fd_readdir(handle, base, buf.byteLength, 0, scratch);
  if (err != errno.SUCCESS) fail("readdir " + path, err);
  fd_close(handle);
  const used = load<u32>(scratch);
  const names = new Array<string>();
  let at: usize = 0;
  while (at + offsetof<dirent>() <= used) {
    const namlen = load<u32>(base + at, 16);
    const start = base + at + offsetof<dirent>();
    const name = String.UTF8.decodeUnsafe(start, namlen);
    if (name != "." && name != "..") names.push(name);
    at += offsetof<dirent>() + namlen;
  }
  names.sort();
  return names;
}

function exists(dir: fd, path: string): bool {
  const p = String.UTF8.encode(path);
  const stat = new ArrayBuffer(64);
  return path_filestat_get(dir, 0, changetype<usize>(p), p.byteLength, changetype<filestat>(stat)) == errno.SUCCESS;
}

function now(clock: clockid): u64 {
  const err = clock_time_get(clock, 1, scratch);
  if (err != errno.SUCCESS) fail("clock", err);
  return load<u64>(scratch);
}

let sink: u64 = 0;

const argv = process.argv;
console.log("hello from assemblyscript");
console.log("argc=" + argv.length.toString());
for (let i = 0; i < argv.length; i++) console.log("argv[" + i.toString() + "]=" + argv[i]);
const env = process.env;
console.log("env GREETING=" + (env.has("GREETING") ? env.get("GREETING") : "(unset)"));
console.log("env MISSING " + (env.has("MISSING") ? "set" : "unset"));
process.stderr.write("note: this line goes to stderr\n");

const sandbox = findPreopen("/sandbox");
console.log("input: " + firstLine(sandbox, "input.txt"));
writeFile(sandbox, "notes.txt", "written by assemblyscript\n");
console.log("read back: " + firstLine(sandbox, "notes.txt"));

const sub = String.UTF8.encode("sub");
const mkdirErr = path_create_directory(sandbox, changetype<usize>(sub), sub.byteLength);
if (mkdirErr != errno.SUCCESS) fail("mkdir", mkdirErr);
writeFile(sandbox, "sub/b.txt", "b\n");
writeFile(sandbox, "sub/a.txt", "a\n");
console.log("list sub: " + listDirectory(sandbox, "sub").join(" "));

const from = String.UTF8.encode("notes.txt");
const to = String.UTF8.encode("renamed.txt");
const renameErr = path_rename(sandbox, changetype<usize>(from), from.byteLength, sandbox, changetype<usize>(to), to.byteLength);
if (renameErr != errno.SUCCESS) fail("rename", renameErr);
console.log("renamed: " + (exists(sandbox, "renamed.txt") && !exists(sandbox, "notes.txt") ? "yes" : "no"));
const victim = String.UTF8.encode("sub/b.txt");
const unlinkErr = path_unlink_file(sandbox, changetype<usize>(victim), victim.byteLength);
if (unlinkErr != errno.SUCCESS) fail("unlink", unlinkErr);
console.log("deleted: " + (exists(sandbox, "sub/b.txt") ? "no" : "yes"));

const t1 = now(clockid.MONOTONIC);
for (let i: u64 = 0; i < 10000; i++) sink += i;
const t2 = now(clockid.MONOTONIC);
const seconds = now(clockid.REALTIME) / 1000000000;
// 2020-01-01 .. 2100-01-01
console.log(t2 > t1 && seconds > 1577836800 && seconds < 4102444800 ? "clock ok" : "clock BAD");

const bytes = new Uint8Array(32);
const randomErr = random_get(bytes.dataStart, bytes.length);
let nonzero = false;
for (let i = 0; i < bytes.length; i++) nonzero = nonzero || bytes[i] != 0;
console.log(randomErr == errno.SUCCESS && nonzero ? "random ok" : "random BAD");

const status = env.has("EXIT_CODE") ? I32.parseInt(env.get("EXIT_CODE")) : 0;
console.log("exit " + status.toString());
process.exit(status);
