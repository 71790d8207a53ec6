/*
 * A whole WASI command: sieves the primes below n (argv[1], default 100000), prints each with
 * printf and a closing summary line. Exercises _start, args_get, buffered stdio and fd_write.
 * Built as a command (main), unlike the reactor workloads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char composite[1 << 20];

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 100000;
    if (n < 2 || n > (int) sizeof composite) {
        fprintf(stderr, "limit out of range: %d\n", n);
        return 2;
    }
    memset(composite, 0, (size_t) n);
    int count = 0;
    long long sum = 0;
    for (int i = 2; i < n; i++) {
        if (composite[i]) continue;
        for (long long j = (long long) i * i; j < n; j += i) composite[j] = 1;
        printf("%d\n", i);
        count++;
        sum += i;
    }
    printf("%d primes below %d, sum %lld\n", count, n, sum);
    return 0;
}
