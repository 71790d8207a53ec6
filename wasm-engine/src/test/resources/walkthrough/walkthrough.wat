;; The embedding walkthrough written by hand in the text format: the same exports and imports
;; as walkthrough.c (add, hello, greet, malloc, free, live_allocations, memory).
(module
  ;; Host functions the embedder supplies under module "env".
  (import "env" "hostLogUint32" (func $hostLogUint32 (param i32)))
  (import "env" "hostLogString" (func $hostLogString (param i32 i32)))

  (memory (export "memory") 1)

  ;; "👋 Hello from wasm": the waving hand is 4 bytes of UTF-8, 20 bytes in all.
  (data (i32.const 1024) "\f0\9f\91\8b Hello from wasm")
  (data (i32.const 1056) "Hello, ")

  ;; The allocator: blocks of [size i32][next i32][payload], first fit from a free list whose
  ;; head is the i32 at address 16; new blocks are bumped from $heap_top, growing the memory.
  (global $heap_top (mut i32) (i32.const 4096))
  (global $live (mut i32) (i32.const 0))

  (func $malloc (export "malloc") (param $n i32) (result i32)
    (local $size i32) (local $link i32) (local $block i32) (local $end i32) (local $capacity i32)
    ;; payload rounded up to 8 bytes, at least 8
    (local.set $size (i32.and (i32.add (local.get $n) (i32.const 7)) (i32.const -8)))
    (if (i32.eqz (local.get $size)) (then (local.set $size (i32.const 8))))
    ;; first fit: $link is the address of the pointer to the candidate block
    (local.set $link (i32.const 16))
    (block $none_free
      (loop $search
        (local.set $block (i32.load (local.get $link)))
        (br_if $none_free (i32.eqz (local.get $block)))
        (if (i32.ge_u (i32.load (local.get $block)) (local.get $size))
          (then
            (i32.store (local.get $link) (i32.load offset=4 (local.get $block)))
            (global.set $live (i32.add (global.get $live) (i32.const 1)))
            (return (i32.add (local.get $block) (i32.const 8)))))
        (local.set $link (i32.add (local.get $block) (i32.const 4)))
        (br $search)))
    ;; a new block at the top of the heap
    (local.set $block (global.get $heap_top))
    (local.set $end (i32.add (local.get $block) (i32.add (local.get $size) (i32.const 8))))
    (local.set $capacity (i32.mul (memory.size) (i32.const 65536)))
    (if (i32.gt_u (local.get $end) (local.get $capacity))
      (then
        (if (i32.eq
              (memory.grow
                (i32.shr_u (i32.add (i32.sub (local.get $end) (local.get $capacity)) (i32.const 65535))
                           (i32.const 16)))
              (i32.const -1))
          (then (return (i32.const 0))))))
    (i32.store (local.get $block) (local.get $size))
    (i32.store offset=4 (local.get $block) (i32.const 0))
    (global.set $heap_top (local.get $end))
    (global.set $live (i32.add (global.get $live) (i32.const 1)))
    (i32.add (local.get $block) (i32.const 8)))

  (func $free (export "free") (param $pointer i32)
    (local $block i32)
    (if (i32.eqz (local.get $pointer)) (then (return)))
    (local.set $block (i32.sub (local.get $pointer) (i32.const 8)))
    (i32.store offset=4 (local.get $block) (i32.load (i32.const 16)))
    (i32.store (i32.const 16) (local.get $block))
    (global.set $live (i32.sub (global.get $live) (i32.const 1))))

  ;; For tests: how many allocations are live.
  (func (export "live_allocations") (result i32)
    (global.get $live))

  ;; add(20, 22) returns 42 and tells the host the sum.
  (func (export "add") (param $x i32) (param $y i32) (result i32)
    (local $sum i32)
    (local.set $sum (i32.add (local.get $x) (local.get $y)))
    (call $hostLogUint32 (local.get $sum))
    (local.get $sum))

  ;; Hands the host the greeting that lives in linear memory, as (offset, byte count).
  (func (export "hello")
    (call $hostLogString (i32.const 1024) (i32.const 20)))

  ;; greet(name, len): a new string "Hello, <name>!" from malloc, returned packed as
  ;; (pointer << 32 | length); the caller frees it. 0 when out of memory.
  (func (export "greet") (param $name i32) (param $len i32) (result i64)
    (local $total i32) (local $out i32)
    (local.set $total (i32.add (local.get $len) (i32.const 8)))
    (local.set $out (call $malloc (local.get $total)))
    (if (i32.eqz (local.get $out)) (then (return (i64.const 0))))
    (memory.copy (local.get $out) (i32.const 1056) (i32.const 7))
    (memory.copy (i32.add (local.get $out) (i32.const 7)) (local.get $name) (local.get $len))
    (i32.store8 (i32.add (local.get $out) (i32.sub (local.get $total) (i32.const 1))) (i32.const 33))
    (i64.or (i64.shl (i64.extend_i32_u (local.get $out)) (i64.const 32))
            (i64.extend_i32_u (local.get $total))))
)
