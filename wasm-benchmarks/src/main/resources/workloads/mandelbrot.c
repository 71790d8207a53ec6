/* Mandelbrot set on an n x n grid: tight f64 multiply-add loops with a data-dependent exit. */
#include "workload.h"

#define MAX_ITERATIONS 100

EXPORT("run") uint32_t run(int32_t n) {
    uint32_t checksum = 0;
    for (int32_t y = 0; y < n; y++) {
        double ci = 2.0 * y / n - 1.0;
        for (int32_t x = 0; x < n; x++) {
            double cr = 2.5 * x / n - 2.0;
            double zr = 0.0, zi = 0.0;
            int32_t i = 0;
            while (i < MAX_ITERATIONS && zr * zr + zi * zi <= 4.0) {
                double t = zr * zr - zi * zi + cr;
                zi = 2.0 * zr * zi + ci;
                zr = t;
                i++;
            }
            checksum = checksum * 33u + (uint32_t) i;
        }
    }
    return checksum;
}

NATIVE_MAIN
