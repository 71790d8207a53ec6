;; code that runs away, for the limits: a loop without calls, deep recursion, growing memory
(module
  (memory (export "memory") 2)
  (global $calls (mut i32) (i32.const 0))
  (func (export "bump") (result i32)
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (global.get $calls))
  (func (export "spin")
    (loop (br 0)))
  ;; sum of 0..n-1, one loop iteration per number
  (func (export "sum") (param $n i32) (result i32) (local $i i32) (local $acc i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc (i32.add (local.get $acc) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc))
  ;; depth(n) = n == 0 ? 0 : 1 + depth(n - 1)
  (func $depth (export "depth") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $depth (i32.sub (local.get $n) (i32.const 1)))))))
  (func (export "grow") (param i32) (result i32)
    (memory.grow (local.get 0))))
