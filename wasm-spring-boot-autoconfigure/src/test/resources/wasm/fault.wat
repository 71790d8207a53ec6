;; The module of the fault-injection tests: each export answers, or fails in one known way.
;; An export that can fail first marks the instance dirty (a global, and the byte at address 8)
;; and clears the marks only when it reaches its end, so an instance that failed keeps them;
;; "add" and "greet" fold the marks into their answers, so an instance that failed would answer
;; wrong if it were ever served again.
(module
  (import "env" "hostTwice" (func $hostTwice (param i32) (result i32)))
  (memory (export "memory") 1)
  (global $dirty (mut i32) (i32.const 0))
  ;; an arena allocator: $heap is the next free byte, $live the allocations not freed yet;
  ;; the arena starts over when $live drops to 0
  (global $heap (mut i32) (i32.const 1024))
  (global $live (mut i32) (i32.const 0))
  (data (i32.const 16) "Hello, ")

  (func $mark
    (global.set $dirty (i32.const 1))
    (i32.store8 (i32.const 8) (i32.const 1)))
  (func $unmark
    (global.set $dirty (i32.const 0))
    (i32.store8 (i32.const 8) (i32.const 0)))
  (func $marks (result i32)
    (i32.add (global.get $dirty) (i32.load8_u (i32.const 8))))

  ;; malloc(size): 0 when the memory cannot grow enough
  (func $malloc (export "malloc") (param $size i32) (result i32)
    (local $p i32) (local $end i32) (local $pages i32)
    (local.set $p (global.get $heap))
    (local.set $end (i32.add (local.get $p) (local.get $size)))
    (if (i32.lt_u (local.get $end) (local.get $p))
      (then (return (i32.const 0))))
    ;; pages needed: end / 64 KiB rounded up, in i64 so that it cannot overflow
    (local.set $pages (i32.wrap_i64 (i64.shr_u
      (i64.add (i64.extend_i32_u (local.get $end)) (i64.const 65535)) (i64.const 16))))
    (if (i32.gt_u (local.get $pages) (memory.size))
      (then
        (if (i32.eq (memory.grow (i32.sub (local.get $pages) (memory.size))) (i32.const -1))
          (then (return (i32.const 0))))))
    (global.set $heap (local.get $end))
    (global.set $live (i32.add (global.get $live) (i32.const 1)))
    (local.get $p))
  (func (export "free") (param i32)
    (global.set $live (i32.sub (global.get $live) (i32.const 1)))
    (if (i32.eqz (global.get $live))
      (then (global.set $heap (i32.const 1024)))))
  (func (export "live") (result i32)
    (global.get $live))

  ;; a + b, plus the marks of a failed call
  (func (export "add") (param i32 i32) (result i32)
    (i32.add (i32.add (local.get 0) (local.get 1)) (call $marks)))

  ;; greet(name) = "Hello, " + name + "!" in a buffer allocated for the caller, returned as
  ;; offset << 32 | length; "Xello" when the instance was dirty; out of memory aborts, as C's
  ;; abort() would
  (func (export "greet") (param $ptr i32) (param $len i32) (result i64)
    (local $out i32) (local $n i32) (local $dirt i32)
    (local.set $dirt (call $marks))
    (call $mark)
    (local.set $n (i32.add (local.get $len) (i32.const 8)))
    (local.set $out (call $malloc (local.get $n)))
    (if (i32.eqz (local.get $out))
      (then unreachable))
    (memory.copy (local.get $out) (i32.const 16) (i32.const 7))
    (memory.copy (i32.add (local.get $out) (i32.const 7)) (local.get $ptr) (local.get $len))
    (i32.store8 (i32.add (local.get $out) (i32.add (local.get $len) (i32.const 7))) (i32.const 33))
    (if (local.get $dirt)
      (then (i32.store8 (local.get $out) (i32.const 88))))
    (call $unmark)
    (i64.or (i64.shl (i64.extend_i32_u (local.get $out)) (i64.const 32)) (i64.extend_i32_u (local.get $n))))

  ;; a / b: traps when b is 0
  (func (export "divide") (param i32 i32) (result i32)
    (local $q i32)
    (call $mark)
    (local.set $q (i32.div_s (local.get 0) (local.get 1)))
    (call $unmark)
    (local.get $q))

  (func (export "crash")
    (call $mark)
    unreachable)

  ;; runs until the call timeout stops it
  (func (export "spin")
    (call $mark)
    (loop (br 0)))

  ;; what the host function env.hostTwice answers for x
  (func (export "twice") (param $x i32) (result i32)
    (local $r i32)
    (call $mark)
    (local.set $r (call $hostTwice (local.get $x)))
    (call $unmark)
    (local.get $r)))
