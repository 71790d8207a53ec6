/* Dense n x n matrix multiply in f64 (i-k-j order): f64 loads, stores and multiply-adds over arrays. */
#include "workload.h"

#define MAX_N 512

static double a[MAX_N * MAX_N];
static double b[MAX_N * MAX_N];
static double c[MAX_N * MAX_N];

EXPORT("run") uint32_t run(int32_t n) {
    if (n < 1) n = 1;
    if (n > MAX_N) n = MAX_N;
    for (int32_t i = 0; i < n; i++) {
        for (int32_t j = 0; j < n; j++) {
            a[i * n + j] = (double) ((i * 7 + j * 3) % 17) * 0.25 - 1.5;
            b[i * n + j] = (double) ((i * 5 + j * 11) % 13) * 0.125 + 0.5;
            c[i * n + j] = 0.0;
        }
    }
    for (int32_t i = 0; i < n; i++) {
        for (int32_t k = 0; k < n; k++) {
            double aik = a[i * n + k];
            for (int32_t j = 0; j < n; j++) {
                c[i * n + j] += aik * b[k * n + j];
            }
        }
    }
    uint32_t checksum = 0;
    for (int32_t i = 0; i < n; i++) {
        double row = 0.0;
        for (int32_t j = 0; j < n; j++) row += c[i * n + j] * (double) (j + 1);
        checksum = fold_double(checksum, row);
    }
    return checksum;
}

NATIVE_MAIN
