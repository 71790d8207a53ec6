/* Boundary costs: a trivial export, and an export that calls back into the host once. */
#include "workload.h"

__attribute__((import_module("env"), import_name("host_increment"))) int32_t host_increment(int32_t value);

EXPORT("add") int32_t add(int32_t a, int32_t b) {
    return a + b;
}

EXPORT("call_host") int32_t call_host(int32_t value) {
    return host_increment(value);
}
