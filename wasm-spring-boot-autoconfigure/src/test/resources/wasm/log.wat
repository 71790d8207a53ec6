;; calls the host: env.hostLogUint32(n) and env.hostLogString(offset, length)
(module
  (import "env" "hostLogUint32" (func $logUint32 (param i32)))
  (import "env" "hostLogString" (func $logString (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello from wasm")
  (func (export "run") (param $n i32)
    local.get $n
    call $logUint32
    i32.const 16
    i32.const 15
    call $logString))
