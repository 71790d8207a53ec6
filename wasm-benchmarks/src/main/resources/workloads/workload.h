/*
 * Shared by every workload: how `run` is exported to the host, and, when built natively with
 * -DNATIVE, a main() that prints the checksum of run(n) so the expected value can be recorded.
 */
#ifndef WORKLOAD_H
#define WORKLOAD_H

#include <stdint.h>

#ifdef NATIVE
#include <stdio.h>
#include <stdlib.h>
#define EXPORT(name)
#define NATIVE_MAIN                                              \
    int main(int argc, char **argv) {                            \
        int n = argc > 1 ? atoi(argv[1]) : 0;                    \
        printf("%u\n", (unsigned) run(n));                       \
        return 0;                                                \
    }
#else
#define EXPORT(name) __attribute__((export_name(name)))
#define NATIVE_MAIN
#endif

/* Folds the raw bits of a double into a 32-bit checksum: any difference in any bit shows. */
static inline uint32_t fold_double(uint32_t h, double d) {
    union { double d; uint64_t u; } bits = { d };
    h = h * 31u + (uint32_t) bits.u;
    h = h * 31u + (uint32_t) (bits.u >> 32);
    return h;
}

#endif
