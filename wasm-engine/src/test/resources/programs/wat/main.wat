;; WASI test program written by hand in the text format: args, env, stdout/stderr, files in the
;; preopened directory /sandbox, clocks, random and the exit code, all through preview1 directly.
;; Prints the same deterministic checks as the C, Rust, Go and AssemblyScript programs.
(module
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_close" (func $fd_close (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_readdir" (func $fd_readdir (param i32 i32 i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_get" (func $fd_prestat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_dir_name" (func $fd_prestat_dir_name (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_create_directory" (func $path_create_directory (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_rename" (func $path_rename (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_unlink_file" (func $path_unlink_file (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_filestat_get" (func $path_filestat_get (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))

  (memory (export "memory") 1)

  ;; Layout: 0..127 call results and iovecs, 128..159 random bytes, 512..543 digits,
  ;; 1024.. constant strings, 4096 argv pointers, 6144 argv bytes, 8192 environ pointers,
  ;; 10240 environ bytes, 20480 file buffer, 24576 directory buffer, 28672 (ptr, len) name list,
  ;; 30720 filestat.
  (data (i32.const 1024) "hello from wat\n")                 ;; 1024 15
  (data (i32.const 1040) "argc=")                            ;; 1040 5
  (data (i32.const 1048) "argv[")                            ;; 1048 5
  (data (i32.const 1056) "]=")                               ;; 1056 2
  (data (i32.const 1060) "\n")                               ;; 1060 1
  (data (i32.const 1064) "env GREETING=")                    ;; 1064 13
  (data (i32.const 1080) "GREETING=")                        ;; 1080 9
  (data (i32.const 1092) "(unset)")                          ;; 1092 7
  (data (i32.const 1100) "MISSING=")                         ;; 1100 8
  (data (i32.const 1112) "env MISSING set\n")                ;; 1112 16
  (data (i32.const 1128) "env MISSING unset\n")              ;; 1128 18
  (data (i32.const 1148) "note: this line goes to stderr\n") ;; 1148 31
  (data (i32.const 1180) "/sandbox")                         ;; 1180 8
  (data (i32.const 1192) "input.txt")                        ;; 1192 9
  (data (i32.const 1204) "input: ")                          ;; 1204 7
  (data (i32.const 1212) "notes.txt")                        ;; 1212 9
  (data (i32.const 1224) "written by wat\n")                 ;; 1224 15
  (data (i32.const 1240) "read back: ")                      ;; 1240 11
  (data (i32.const 1252) "sub")                              ;; 1252 3
  (data (i32.const 1256) "sub/b.txt")                        ;; 1256 9
  (data (i32.const 1268) "sub/a.txt")                        ;; 1268 9
  (data (i32.const 1280) "b\n")                              ;; 1280 2
  (data (i32.const 1284) "a\n")                              ;; 1284 2
  (data (i32.const 1288) "list sub:")                        ;; 1288 9
  (data (i32.const 1300) " ")                                ;; 1300 1
  (data (i32.const 1304) "renamed.txt")                      ;; 1304 11
  (data (i32.const 1316) "renamed: yes\n")                   ;; 1316 13
  (data (i32.const 1332) "renamed: no\n")                    ;; 1332 12
  (data (i32.const 1348) "deleted: yes\n")                   ;; 1348 13
  (data (i32.const 1364) "deleted: no\n")                    ;; 1364 12
  (data (i32.const 1380) "clock ok\n")                       ;; 1380 9
  (data (i32.const 1392) "clock BAD\n")                      ;; 1392 10
  (data (i32.const 1404) "random ok\n")                      ;; 1404 10
  (data (i32.const 1416) "random BAD\n")                     ;; 1416 11
  (data (i32.const 1428) "EXIT_CODE=")                       ;; 1428 10
  (data (i32.const 1440) "exit ")                            ;; 1440 5
  (data (i32.const 1448) "FAILED: errno ")                   ;; 1448 14

  (global $argc (mut i32) (i32.const 0))
  (global $envc (mut i32) (i32.const 0))

  ;; Writes len bytes at ptr to fd (1 stdout, 2 stderr).
  (func $print (param $fd i32) (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8))))

  (func $out (param $ptr i32) (param $len i32)
    (call $print (i32.const 1) (local.get $ptr) (local.get $len)))

  ;; Prints n in decimal to fd.
  (func $print_number (param $fd i32) (param $n i32)
    (local $at i32)
    (local.set $at (i32.const 544))
    (loop $digits
      (local.set $at (i32.sub (local.get $at) (i32.const 1)))
      (i32.store8 (local.get $at) (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
      (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
      (br_if $digits (local.get $n)))
    (call $print (local.get $fd) (local.get $at) (i32.sub (i32.const 544) (local.get $at))))

  (func $strlen (param $ptr i32) (result i32)
    (local $end i32)
    (local.set $end (local.get $ptr))
    (block $done
      (loop $scan
        (br_if $done (i32.eqz (i32.load8_u (local.get $end))))
        (local.set $end (i32.add (local.get $end) (i32.const 1)))
        (br $scan)))
    (i32.sub (local.get $end) (local.get $ptr)))

  ;; 1 when the len bytes at a and b are equal.
  (func $equal (param $a i32) (param $b i32) (param $len i32) (result i32)
    (block $differ
      (loop $compare
        (if (i32.eqz (local.get $len)) (then (return (i32.const 1))))
        (br_if $differ (i32.ne (i32.load8_u (local.get $a)) (i32.load8_u (local.get $b))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (local.set $len (i32.sub (local.get $len) (i32.const 1)))
        (br $compare)))
    (i32.const 0))

  ;; The value of the variable whose "NAME=" prefix is at prefix/len, or 0 when unset.
  (func $getenv (param $prefix i32) (param $len i32) (result i32)
    (local $i i32) (local $entry i32)
    (block $none
      (loop $next
        (br_if $none (i32.ge_u (local.get $i) (global.get $envc)))
        (local.set $entry (i32.load (i32.add (i32.const 8192) (i32.shl (local.get $i) (i32.const 2)))))
        (if (call $equal (local.get $entry) (local.get $prefix) (local.get $len))
          (then (return (i32.add (local.get $entry) (local.get $len)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 0))

  ;; Stops the program with exit code 1 when errno is not success.
  (func $check (param $errno i32)
    (if (local.get $errno)
      (then
        (call $print (i32.const 2) (i32.const 1448) (i32.const 14))
        (call $print_number (i32.const 2) (local.get $errno))
        (call $print (i32.const 2) (i32.const 1060) (i32.const 1))
        (call $proc_exit (i32.const 1)))))

  ;; The descriptor of the preopened directory named "/sandbox": preopens start at fd 3.
  (func $find_sandbox (result i32)
    (local $fd i32)
    (local.set $fd (i32.const 3))
    (loop $next
      (call $check (call $fd_prestat_get (local.get $fd) (i32.const 32)))
      (if (i32.eq (i32.load (i32.const 36)) (i32.const 8))
        (then
          (call $check (call $fd_prestat_dir_name (local.get $fd) (i32.const 40) (i32.const 8)))
          (if (call $equal (i32.const 40) (i32.const 1180) (i32.const 8))
            (then (return (local.get $fd))))))
      (local.set $fd (i32.add (local.get $fd) (i32.const 1)))
      (br $next))
    (unreachable))

  ;; path_open under dir; rights fd_read (2) | fd_write (64) for files, fd_readdir (16384) for directories.
  (func $open (param $dir i32) (param $path i32) (param $len i32) (param $oflags i32) (param $rights i64) (result i32)
    (call $check (call $path_open (local.get $dir) (i32.const 0) (local.get $path) (local.get $len)
      (local.get $oflags) (local.get $rights) (i64.const 0) (i32.const 0) (i32.const 16)))
    (i32.load (i32.const 16)))

  (func $write_file (param $dir i32) (param $path i32) (param $len i32) (param $data i32) (param $size i32)
    (local $fd i32)
    ;; oflags creat (1) | trunc (8)
    (local.set $fd (call $open (local.get $dir) (local.get $path) (local.get $len) (i32.const 9) (i64.const 66)))
    (i32.store (i32.const 0) (local.get $data))
    (i32.store (i32.const 4) (local.get $size))
    (call $check (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8)))
    (drop (call $fd_close (local.get $fd))))

  ;; Prints the first line of the file (with its newline).
  (func $print_first_line (param $dir i32) (param $path i32) (param $len i32)
    (local $fd i32) (local $n i32) (local $i i32)
    (local.set $fd (call $open (local.get $dir) (local.get $path) (local.get $len) (i32.const 0) (i64.const 66)))
    (i32.store (i32.const 0) (i32.const 20480))
    (i32.store (i32.const 4) (i32.const 1024))
    (call $check (call $fd_read (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8)))
    (drop (call $fd_close (local.get $fd)))
    (local.set $n (i32.load (i32.const 8)))
    (block $found
      (loop $scan
        (br_if $found (i32.ge_u (local.get $i) (local.get $n)))
        (br_if $found (i32.eq (i32.load8_u (i32.add (i32.const 20480) (local.get $i))) (i32.const 10)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $scan)))
    (call $out (i32.const 20480) (local.get $i))
    (call $out (i32.const 1060) (i32.const 1)))

  ;; 1 when the name a/alen sorts before b/blen (bytewise).
  (func $less (param $a i32) (param $alen i32) (param $b i32) (param $blen i32) (result i32)
    (local $i i32) (local $ca i32) (local $cb i32)
    (loop $next
      (if (i32.ge_u (local.get $i) (local.get $alen))
        (then (return (i32.lt_u (local.get $i) (local.get $blen)))))
      (if (i32.ge_u (local.get $i) (local.get $blen)) (then (return (i32.const 0))))
      (local.set $ca (i32.load8_u (i32.add (local.get $a) (local.get $i))))
      (local.set $cb (i32.load8_u (i32.add (local.get $b) (local.get $i))))
      (if (i32.ne (local.get $ca) (local.get $cb))
        (then (return (i32.lt_u (local.get $ca) (local.get $cb)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next))
    (unreachable))

  ;; Reads directory dir/path, keeps names other than "." and "..", sorts them and prints them.
  (func $list (param $dir i32) (param $path i32) (param $len i32)
    (local $fd i32) (local $used i32) (local $at i32) (local $namlen i32) (local $name i32)
    (local $count i32) (local $i i32) (local $j i32) (local $slot i32) (local $t0 i32) (local $t1 i32)
    ;; oflags directory (2)
    (local.set $fd (call $open (local.get $dir) (local.get $path) (local.get $len) (i32.const 2) (i64.const 16384)))
    (call $check (call $fd_readdir (local.get $fd) (i32.const 24576) (i32.const 4096) (i64.const 0) (i32.const 8)))
    (drop (call $fd_close (local.get $fd)))
    (local.set $used (i32.load (i32.const 8)))
    ;; each dirent: next u64, ino u64, namlen u32, type u8, padding, then the name (24 + namlen bytes)
    (block $end
      (loop $entries
        (br_if $end (i32.gt_u (i32.add (local.get $at) (i32.const 24)) (local.get $used)))
        (local.set $namlen (i32.load (i32.add (i32.const 24592) (local.get $at))))
        (local.set $name (i32.add (i32.const 24600) (local.get $at)))
        (if (i32.eqz
              (i32.or
                (i32.and (i32.eq (local.get $namlen) (i32.const 1))
                         (i32.eq (i32.load8_u (local.get $name)) (i32.const 46)))
                (i32.and (i32.eq (local.get $namlen) (i32.const 2))
                         (i32.eq (i32.load16_u (local.get $name)) (i32.const 0x2e2e)))))
          (then
            (local.set $slot (i32.add (i32.const 28672) (i32.shl (local.get $count) (i32.const 3))))
            (i32.store (local.get $slot) (local.get $name))
            (i32.store offset=4 (local.get $slot) (local.get $namlen))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))))
        (local.set $at (i32.add (local.get $at) (i32.add (i32.const 24) (local.get $namlen))))
        (br $entries)))
    ;; insertion sort of the (ptr, len) pairs
    (local.set $i (i32.const 1))
    (block $sorted
      (loop $outer
        (br_if $sorted (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $j (local.get $i))
        (block $placed
          (loop $inner
            (br_if $placed (i32.eqz (local.get $j)))
            ;; slot j and the one before it: swap while j sorts first
            (local.set $slot (i32.add (i32.const 28672) (i32.shl (local.get $j) (i32.const 3))))
            (br_if $placed (i32.eqz (call $less
              (i32.load (local.get $slot)) (i32.load offset=4 (local.get $slot))
              (i32.load (i32.sub (local.get $slot) (i32.const 8)))
              (i32.load (i32.sub (local.get $slot) (i32.const 4))))))
            (local.set $t0 (i32.load (local.get $slot)))
            (local.set $t1 (i32.load offset=4 (local.get $slot)))
            (i64.store (local.get $slot) (i64.load (i32.sub (local.get $slot) (i32.const 8))))
            (i32.store (i32.sub (local.get $slot) (i32.const 8)) (local.get $t0))
            (i32.store (i32.sub (local.get $slot) (i32.const 4)) (local.get $t1))
            (local.set $j (i32.sub (local.get $j) (i32.const 1)))
            (br $inner)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $outer)))
    (call $out (i32.const 1288) (i32.const 9))
    (local.set $i (i32.const 0))
    (block $printed
      (loop $each
        (br_if $printed (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $slot (i32.add (i32.const 28672) (i32.shl (local.get $i) (i32.const 3))))
        (call $out (i32.const 1300) (i32.const 1))
        (call $out (i32.load (local.get $slot)) (i32.load offset=4 (local.get $slot)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (call $out (i32.const 1060) (i32.const 1)))
;; 1 when path names something under dir.
  (func $exists (param $dir i32) (param $path i32) (param $len i32) (result i32)
    (i32.eqz (call $path_filestat_get (local.get $dir) (i32.const 0) (local.get $path) (local.get $len) (i32.const 30720))))

  (func $now (param $clock i32) (result i64)
    (call $check (call $clock_time_get (local.get $clock) (i64.const 1) (i32.const 64)))
    (i64.load (i32.const 64)))

  (func (export "_start")
    (local $i i32) (local $arg i32) (local $value i32) (local $sandbox i32)
    (local $t1 i64) (local $t2 i64) (local $seconds i64) (local $sink i32) (local $status i32)
    (call $out (i32.const 1024) (i32.const 15))

    ;; arguments
    (call $check (call $args_sizes_get (i32.const 16) (i32.const 20)))
    (global.set $argc (i32.load (i32.const 16)))
    (call $check (call $args_get (i32.const 4096) (i32.const 6144)))
    (call $out (i32.const 1040) (i32.const 5))
    (call $print_number (i32.const 1) (global.get $argc))
    (call $out (i32.const 1060) (i32.const 1))
    (block $args_done
      (loop $args
        (br_if $args_done (i32.ge_u (local.get $i) (global.get $argc)))
        (local.set $arg (i32.load (i32.add (i32.const 4096) (i32.shl (local.get $i) (i32.const 2)))))
        (call $out (i32.const 1048) (i32.const 5))
        (call $print_number (i32.const 1) (local.get $i))
        (call $out (i32.const 1056) (i32.const 2))
        (call $out (local.get $arg) (call $strlen (local.get $arg)))
        (call $out (i32.const 1060) (i32.const 1))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $args)))

    ;; environment
    (call $check (call $environ_sizes_get (i32.const 16) (i32.const 20)))
    (global.set $envc (i32.load (i32.const 16)))
    (call $check (call $environ_get (i32.const 8192) (i32.const 10240)))
    (call $out (i32.const 1064) (i32.const 13))
    (local.set $value (call $getenv (i32.const 1080) (i32.const 9)))
    (if (local.get $value)
      (then (call $out (local.get $value) (call $strlen (local.get $value))))
      (else (call $out (i32.const 1092) (i32.const 7))))
    (call $out (i32.const 1060) (i32.const 1))
    (if (call $getenv (i32.const 1100) (i32.const 8))
      (then (call $out (i32.const 1112) (i32.const 16)))
      (else (call $out (i32.const 1128) (i32.const 18))))
    (call $print (i32.const 2) (i32.const 1148) (i32.const 31))

    ;; files under the preopened /sandbox
    (local.set $sandbox (call $find_sandbox))
    (call $out (i32.const 1204) (i32.const 7))
    (call $print_first_line (local.get $sandbox) (i32.const 1192) (i32.const 9))
    (call $write_file (local.get $sandbox) (i32.const 1212) (i32.const 9) (i32.const 1224) (i32.const 15))
    (call $out (i32.const 1240) (i32.const 11))
    (call $print_first_line (local.get $sandbox) (i32.const 1212) (i32.const 9))
    (call $check (call $path_create_directory (local.get $sandbox) (i32.const 1252) (i32.const 3)))
    (call $write_file (local.get $sandbox) (i32.const 1256) (i32.const 9) (i32.const 1280) (i32.const 2))
    (call $write_file (local.get $sandbox) (i32.const 1268) (i32.const 9) (i32.const 1284) (i32.const 2))
    (call $list (local.get $sandbox) (i32.const 1252) (i32.const 3))
    (call $check (call $path_rename (local.get $sandbox) (i32.const 1212) (i32.const 9)
                                    (local.get $sandbox) (i32.const 1304) (i32.const 11)))
    (if (i32.and (call $exists (local.get $sandbox) (i32.const 1304) (i32.const 11))
                 (i32.eqz (call $exists (local.get $sandbox) (i32.const 1212) (i32.const 9))))
      (then (call $out (i32.const 1316) (i32.const 13)))
      (else (call $out (i32.const 1332) (i32.const 12))))
    (call $check (call $path_unlink_file (local.get $sandbox) (i32.const 1256) (i32.const 9)))
    (if (call $exists (local.get $sandbox) (i32.const 1256) (i32.const 9))
      (then (call $out (i32.const 1364) (i32.const 12)))
      (else (call $out (i32.const 1348) (i32.const 13))))

    ;; clocks: monotonic (1) increases over some work; realtime (0) between 2020 and 2100
    (local.set $t1 (call $now (i32.const 1)))
    (local.set $i (i32.const 0))
    (loop $work
      (local.set $sink (i32.add (local.get $sink) (local.get $i)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $work (i32.lt_u (local.get $i) (i32.const 10000))))
    (local.set $t2 (call $now (i32.const 1)))
    (local.set $seconds (i64.div_u (call $now (i32.const 0)) (i64.const 1000000000)))
    (if (i32.and (i64.gt_u (local.get $t2) (local.get $t1))
                 (i32.and (i64.gt_u (local.get $seconds) (i64.const 1577836800))
                          (i64.lt_u (local.get $seconds) (i64.const 4102444800))))
      (then (call $out (i32.const 1380) (i32.const 9)))
      (else (call $out (i32.const 1392) (i32.const 10))))

    ;; random: 32 bytes, not all zero
    (call $check (call $random_get (i32.const 128) (i32.const 32)))
    (if (i64.ne (i64.const 0)
                (i64.or (i64.or (i64.load (i32.const 128)) (i64.load (i32.const 136)))
                        (i64.or (i64.load (i32.const 144)) (i64.load (i32.const 152)))))
      (then (call $out (i32.const 1404) (i32.const 10)))
      (else (call $out (i32.const 1416) (i32.const 11))))

    ;; exit code from EXIT_CODE (decimal digits), 0 when unset
    (local.set $value (call $getenv (i32.const 1428) (i32.const 10)))
    (if (local.get $value)
      (then
        (block $parsed
          (loop $digit
            (br_if $parsed (i32.gt_u (i32.sub (i32.load8_u (local.get $value)) (i32.const 48)) (i32.const 9)))
            (local.set $status (i32.add (i32.mul (local.get $status) (i32.const 10))
                                        (i32.sub (i32.load8_u (local.get $value)) (i32.const 48))))
            (local.set $value (i32.add (local.get $value) (i32.const 1)))
            (br $digit)))))
    (call $out (i32.const 1440) (i32.const 5))
    (call $print_number (i32.const 1) (local.get $status))
    (call $out (i32.const 1060) (i32.const 1))
    (call $proc_exit (local.get $status)))
)
