/*
 * The demo's "hello" module: the first steps with WebAssembly, from the module's side.
 *
 *   add(x, y)        numbers in, a number out; also reports the sum through env.hostLogUint32
 *   divide(x, y)     signed division, which traps when y is 0 (or for -2147483648 / -1)
 *   hello()          sends a UTF-8 text to the host through env.hostLogString(offset, length)
 *   greet(ptr, len)  a string in, a string out, both through linear memory
 *   malloc / free    the allocator the host uses to copy strings in
 *
 * Freestanding C, no libc: the only imports are the two host functions.
 * Rebuild ../../resources/wasm/hello.wasm with ./build.sh.
 */

typedef unsigned char uint8_t;
typedef unsigned int uint32_t;
typedef unsigned long long uint64_t;
typedef unsigned long uintptr_t;
typedef unsigned long size_t;

#define IMPORT(name) __attribute__((import_module("env"), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))

IMPORT("hostLogUint32") void host_log_uint32(uint32_t value);
IMPORT("hostLogString") void host_log_string(const char *text, uint32_t length);

/*
 * Allocator. Each chunk is preceded by its capacity; freed chunks go on a list and are
 * reused by the next request they are big enough for. New chunks come from the end of the
 * heap, which grows the memory when it runs out.
 */
typedef struct chunk {
    uint32_t capacity;
    struct chunk *next_free;
} chunk;

extern uint8_t __heap_base;
static uintptr_t heap_end;
static chunk *free_chunks;

EXPORT("malloc") void *demo_malloc(size_t size) {
    uint32_t capacity = (uint32_t) ((size + 15) & ~(size_t) 15);
    chunk **previous = &free_chunks;
    for (chunk *c = free_chunks; c != 0; previous = &c->next_free, c = c->next_free) {
        if (c->capacity >= capacity) {
            *previous = c->next_free;
            return c + 1;
        }
    }
    if (heap_end == 0) {
        heap_end = ((uintptr_t) &__heap_base + 15) & ~(uintptr_t) 15;
    }
    uintptr_t start = heap_end;
    uintptr_t end = start + sizeof(chunk) + capacity;
    uintptr_t memory_bytes = __builtin_wasm_memory_size(0) * 65536;
    if (end > memory_bytes
            && __builtin_wasm_memory_grow(0, (end - memory_bytes + 65535) / 65536) == (size_t) -1) {
        return 0;
    }
    heap_end = end;
    chunk *c = (chunk *) start;
    c->capacity = capacity;
    c->next_free = 0;
    return c + 1;
}

EXPORT("free") void demo_free(void *pointer) {
    if (pointer != 0) {
        chunk *c = (chunk *) pointer - 1;
        c->next_free = free_chunks;
        free_chunks = c;
    }
}

/* ---- numbers ---- */

EXPORT("add") uint32_t add(uint32_t x, uint32_t y) {
    uint32_t sum = x + y;
    host_log_uint32(sum);
    return sum;
}

/* Plain i32.div_s: the WebAssembly instruction itself traps on a zero divisor and on overflow. */
EXPORT("divide") int divide(int x, int y) {
    return x / y;
}

/* ---- a string out: the host reads it from memory at (offset, length) ---- */

static const char HELLO[] = "\xF0\x9F\x91\x8B Hello from wasm";   /* U+1F44B WAVING HAND SIGN */

EXPORT("hello") void hello(void) {
    host_log_string(HELLO, sizeof HELLO - 1);
}

/* ---- a string in, a string out ---- */

/*
 * The result of the latest greet: the module owns it and reuses it on the next call, so the
 * host only reads it (valid until the next call on this instance) and never has to free it.
 */
static char *greeting;
static uint32_t greeting_capacity;

static void copy(char *to, const char *from, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) {
        to[i] = from[i];
    }
}

/* "Hello, <name>!" for the UTF-8 name at (name, length); packed as offset << 32 | length, 0 when out of memory. */
EXPORT("greet") uint64_t greet(const char *name, uint32_t length) {
    static const char before[] = "Hello, ";
    static const char after[] = "!";
    uint32_t total = (sizeof before - 1) + length + (sizeof after - 1);
    if (total > greeting_capacity) {
        demo_free(greeting);
        greeting = demo_malloc(total);
        greeting_capacity = greeting == 0 ? 0 : total;
        if (greeting == 0) {
            return 0;
        }
    }
    copy(greeting, before, sizeof before - 1);
    copy(greeting + sizeof before - 1, name, length);
    copy(greeting + sizeof before - 1 + length, after, sizeof after - 1);
    return ((uint64_t) (uintptr_t) greeting << 32) | total;
}
