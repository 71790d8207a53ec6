/* Recursive Fibonacci: call overhead, i32 add and compare, nothing else. */
#include "workload.h"

__attribute__((noinline)) static int32_t fib(int32_t n) {
    if (n < 2) {
        return n;
    }
    return fib(n - 1) + fib(n - 2);
}

EXPORT("run") uint32_t run(int32_t n) {
    return (uint32_t) fib(n);
}

NATIVE_MAIN
