/*
 * WASI test program (C, wasi-libc): args, env, stdout/stderr, files in the preopened
 * directory /sandbox, clocks, random and the exit code. Prints only deterministic checks.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void fail(const char *what) {
    fprintf(stderr, "FAILED: %s (errno %d)\n", what, errno);
    exit(1);
}

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    if (!f) fail(path);
    fputs(text, f);
    if (fclose(f) != 0) fail(path);
}

static void read_first_line(const char *path, char *buf, size_t size) {
    FILE *f = fopen(path, "r");
    if (!f || !fgets(buf, (int) size, f)) fail(path);
    fclose(f);
    buf[strcspn(buf, "\n")] = 0;
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

static void list_directory(const char *path) {
    DIR *dir = opendir(path);
    if (!dir) fail(path);
    char *names[16];
    int count = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL && count < 16) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
        names[count++] = strdup(entry->d_name);
    }
    closedir(dir);
    qsort(names, count, sizeof names[0], compare_names);
    printf("list sub:");
    for (int i = 0; i < count; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

static int exists(const char *path) {
    struct stat st;
    return stat(path, &st) == 0;
}

static void check_clocks(void) {
    struct timespec t1, t2, now;
    if (clock_gettime(CLOCK_MONOTONIC, &t1) != 0) fail("monotonic");
    volatile unsigned sink = 0;
    for (unsigned i = 0; i < 10000; i++) sink += i;
    (void) sink;
    if (clock_gettime(CLOCK_MONOTONIC, &t2) != 0) fail("monotonic");
    if (clock_gettime(CLOCK_REALTIME, &now) != 0) fail("realtime");
    long long d1 = (long long) t1.tv_sec * 1000000000LL + t1.tv_nsec;
    long long d2 = (long long) t2.tv_sec * 1000000000LL + t2.tv_nsec;
    /* 2020-01-01 .. 2100-01-01 */
    int plausible = now.tv_sec > 1577836800LL && now.tv_sec < 4102444800LL;
    printf(d2 > d1 && plausible ? "clock ok\n" : "clock BAD\n");
}

static void check_random(void) {
    unsigned char bytes[32] = {0};
    if (getentropy(bytes, sizeof bytes) != 0) fail("getentropy");
    int nonzero = 0;
    for (size_t i = 0; i < sizeof bytes; i++) nonzero |= bytes[i];
    printf(nonzero ? "random ok\n" : "random BAD\n");
}

int main(int argc, char **argv) {
    printf("hello from c\n");
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);

    const char *greeting = getenv("GREETING");
    printf("env GREETING=%s\n", greeting ? greeting : "(unset)");
    printf("env MISSING %s\n", getenv("MISSING") ? "set" : "unset");
    fprintf(stderr, "note: this line goes to stderr\n");

    char line[128];
    read_first_line("/sandbox/input.txt", line, sizeof line);
    printf("input: %s\n", line);

    write_file("/sandbox/notes.txt", "written by c\n");
    read_first_line("/sandbox/notes.txt", line, sizeof line);
    printf("read back: %s\n", line);

    if (mkdir("/sandbox/sub", 0755) != 0) fail("mkdir");
    write_file("/sandbox/sub/b.txt", "b\n");
    write_file("/sandbox/sub/a.txt", "a\n");
    list_directory("/sandbox/sub");

    if (rename("/sandbox/notes.txt", "/sandbox/renamed.txt") != 0) fail("rename");
    printf("renamed: %s\n", exists("/sandbox/renamed.txt") && !exists("/sandbox/notes.txt") ? "yes" : "no");
    if (unlink("/sandbox/sub/b.txt") != 0) fail("unlink");
    printf("deleted: %s\n", exists("/sandbox/sub/b.txt") ? "no" : "yes");

    check_clocks();
    check_random();

    const char *code = getenv("EXIT_CODE");
    int status = code ? atoi(code) : 0;
    printf("exit %d\n", status);
    fflush(stdout);
    return status;
}
