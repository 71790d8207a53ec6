;; its start function traps, so no instance can ever be created
(module
  (func $start unreachable)
  (start $start))
