;; well formed, but returns an i64 where it declares i32
(module
  (func (export "wrong") (result i32)
    i64.const 1))
