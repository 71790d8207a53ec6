;; add(a, b) = a + b, and the same for i64 and f64
(module
  (func (export "add") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.add)
  (func (export "addLong") (param i64 i64) (result i64)
    local.get 0
    local.get 1
    i64.add)
  (func (export "half") (param f64) (result f64)
    local.get 0
    f64.const 2
    f64.div)
  (func (export "isPositive") (param i32) (result i32)
    local.get 0
    i32.const 0
    i32.gt_s)
  (func (export "pair") (result i32 i32)
    i32.const 1
    i32.const 2))
