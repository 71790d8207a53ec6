;; a counter in a global, a trap, and memory that can grow
(module
  (memory (export "memory") 1)
  (global $count (mut i32) (i32.const 0))
  (func (export "bump") (result i32)
    (global.set $count (i32.add (global.get $count) (i32.const 1)))
    (global.get $count))
  (func (export "get") (result i32)
    (global.get $count))
  (func (export "crash")
    unreachable)
  (func (export "div") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.div_s)
  (func (export "grow") (param i32) (result i32)
    local.get 0
    memory.grow))
