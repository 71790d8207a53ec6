//! WASI test program (Rust std, wasm32-wasi): args, env, stdout/stderr, files in the
//! preopened directory /sandbox, clocks, random and the exit code. Prints only deterministic checks.

use std::env;
use std::fs;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

#[link(wasm_import_module = "wasi_snapshot_preview1")]
extern "C" {
    fn random_get(buf: *mut u8, len: usize) -> u16;
}

fn check(what: &str, result: io::Result<()>) {
    if let Err(e) = result {
        eprintln!("FAILED: {}: {}", what, e);
        process::exit(1);
    }
}

fn first_line(path: &str) -> String {
    let mut text = String::new();
    check(path, fs::File::open(path).and_then(|mut f| f.read_to_string(&mut text).map(|_| ())));
    text.lines().next().unwrap_or("").to_string()
}

fn main() {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    writeln!(out, "hello from rust").unwrap();
    let args: Vec<String> = env::args().collect();
    writeln!(out, "argc={}", args.len()).unwrap();
    for (i, arg) in args.iter().enumerate() {
        writeln!(out, "argv[{}]={}", i, arg).unwrap();
    }
    writeln!(out, "env GREETING={}", env::var("GREETING").unwrap_or_else(|_| "(unset)".into())).unwrap();
    writeln!(out, "env MISSING {}", if env::var_os("MISSING").is_some() { "set" } else { "unset" }).unwrap();
    eprintln!("note: this line goes to stderr");

    writeln!(out, "input: {}", first_line("/sandbox/input.txt")).unwrap();
    check("write notes", fs::write("/sandbox/notes.txt", "written by rust\n"));
    writeln!(out, "read back: {}", first_line("/sandbox/notes.txt")).unwrap();

    check("mkdir", fs::create_dir("/sandbox/sub"));
    check("write b", fs::write("/sandbox/sub/b.txt", "b\n"));
    check("write a", fs::write("/sandbox/sub/a.txt", "a\n"));
    let mut names: Vec<String> = match fs::read_dir("/sandbox/sub") {
        Ok(entries) => entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect(),
        Err(e) => {
            eprintln!("FAILED: read_dir: {}", e);
            process::exit(1);
        }
    };
    names.sort();
    writeln!(out, "list sub: {}", names.join(" ")).unwrap();

    check("rename", fs::rename("/sandbox/notes.txt", "/sandbox/renamed.txt"));
    let renamed = Path::new("/sandbox/renamed.txt").exists() && !Path::new("/sandbox/notes.txt").exists();
    writeln!(out, "renamed: {}", if renamed { "yes" } else { "no" }).unwrap();
    check("remove", fs::remove_file("/sandbox/sub/b.txt"));
    writeln!(out, "deleted: {}", if Path::new("/sandbox/sub/b.txt").exists() { "no" } else { "yes" }).unwrap();

    let t1 = Instant::now();
    let mut sink = 0u64;
    for i in 0..10_000u64 {
        // volatile so the loop stays: some work between the two readings
        unsafe { std::ptr::write_volatile(&mut sink, std::ptr::read_volatile(&sink).wrapping_add(i)) };
    }
    let t2 = Instant::now();
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    // 2020-01-01 .. 2100-01-01
    let clock_ok = t2 > t1 && now > 1_577_836_800 && now < 4_102_444_800;
    writeln!(out, "clock {}", if clock_ok { "ok" } else { "BAD" }).unwrap();

    let mut bytes = [0u8; 32];
    let errno = unsafe { random_get(bytes.as_mut_ptr(), bytes.len()) };
    let random_ok = errno == 0 && bytes.iter().any(|&b| b != 0);
    writeln!(out, "random {}", if random_ok { "ok" } else { "BAD" }).unwrap();

    let status: i32 = env::var("EXIT_CODE").ok().and_then(|s| s.parse().ok()).unwrap_or(0);
    writeln!(out, "exit {}", status).unwrap();
    out.flush().unwrap();
    drop(out);
    process::exit(status);
}
