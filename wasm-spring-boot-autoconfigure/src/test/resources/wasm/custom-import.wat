;; imports console.log_i64 and returns what the host returns for (x)
(module
  (import "console" "twice" (func $twice (param i64) (result i64)))
  (func (export "callTwice") (param i64) (result i64)
    local.get 0
    call $twice))
