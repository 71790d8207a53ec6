/*
 * wc: counts the lines, words and bytes of its standard input, like the Unix tool, and
 * writes them on one line to standard output. A WASI command (C with wasi-libc): the demo
 * runs it with the body of POST /wc as its stdin and answers with its stdout.
 *
 *   -l, -w, -c   print only the lines, words or bytes (in the order given)
 *
 * Rebuild ../../resources/wasm/wc.wasm with ./build.sh.
 */
#include <stdio.h>
#include <string.h>

static int is_space(int c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

int main(int argc, char **argv) {
    unsigned long long lines = 0, words = 0, bytes = 0;
    int in_word = 0;
    unsigned char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, stdin)) > 0) {
        for (size_t i = 0; i < n; i++) {
            int c = buffer[i];
            if (c == '\n') {
                lines++;
            }
            if (is_space(c)) {
                in_word = 0;
            } else if (!in_word) {
                in_word = 1;
                words++;
            }
        }
        bytes += n;
    }
    if (ferror(stdin)) {
        fprintf(stderr, "wc: cannot read standard input\n");
        return 1;
    }

    int printed = 0;
    for (int i = 1; i < argc; i++) {
        unsigned long long value;
        if (strcmp(argv[i], "-l") == 0) {
            value = lines;
        } else if (strcmp(argv[i], "-w") == 0) {
            value = words;
        } else if (strcmp(argv[i], "-c") == 0) {
            value = bytes;
        } else {
            fprintf(stderr, "wc: unknown option %s (use -l, -w, -c)\n", argv[i]);
            return 2;
        }
        printf(printed++ ? " %llu" : "%llu", value);
    }
    if (printed == 0) {
        printf("%llu %llu %llu", lines, words, bytes);
    }
    printf("\n");
    return 0;
}
