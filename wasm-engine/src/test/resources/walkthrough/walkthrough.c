/*
 * The embedding walkthrough as a C module: numbers both ways, host functions, strings both
 * ways through linear memory, and the allocator the host uses to pass data in.
 *
 * Freestanding (no libc): the module imports only the two host functions below.
 * Rebuild walkthrough.wasm with ./build.sh.
 */

typedef unsigned int uint32_t;
typedef unsigned long long uint64_t;
typedef unsigned long uintptr_t;
typedef unsigned long size_t;

#define WASM_IMPORT(name) __attribute__((import_module("env"), import_name(name)))
#define WASM_EXPORT(name) __attribute__((export_name(name)))

/* Host functions the embedder supplies under module "env". */
WASM_IMPORT("hostLogUint32") void host_log_uint32(uint32_t value);
WASM_IMPORT("hostLogString") void host_log_string(const char *offset, uint32_t byte_count);

/* ---- a tiny allocator: first-fit free list over a heap that grows the memory ---- */

/* Every block starts with this header; the payload follows, 8-byte aligned. */
typedef struct block {
    uint32_t size;        /* payload bytes */
    struct block *next;   /* next free block, while free */
} block;

extern unsigned char __heap_base;   /* end of data and stack, from the linker */

static block *free_list;
static uintptr_t heap_top;
static uint32_t live;               /* blocks allocated and not yet freed */

WASM_EXPORT("malloc") void *walkthrough_malloc(size_t n) {
    uint32_t size = n == 0 ? 8 : (uint32_t) ((n + 7) & ~(size_t) 7);
    for (block **link = &free_list; *link != 0; link = &(*link)->next) {
        block *candidate = *link;
        if (candidate->size >= size) {
            *link = candidate->next;
            live++;
            return candidate + 1;
        }
    }
    if (heap_top == 0) {
        heap_top = ((uintptr_t) &__heap_base + 7) & ~(uintptr_t) 7;
    }
    uintptr_t end = heap_top + sizeof(block) + size;
    uintptr_t capacity = __builtin_wasm_memory_size(0) * 65536;
    if (end > capacity) {
        uintptr_t pages = (end - capacity + 65535) / 65536;
        if (__builtin_wasm_memory_grow(0, pages) == (size_t) -1) {
            return 0;
        }
    }
    block *b = (block *) heap_top;
    b->size = size;
    b->next = 0;
    heap_top = end;
    live++;
    return b + 1;
}

WASM_EXPORT("free") void walkthrough_free(void *pointer) {
    if (pointer == 0) {
        return;
    }
    block *b = (block *) pointer - 1;
    b->next = free_list;
    free_list = b;
    live--;
}

/* For tests: how many allocations are live (0 when the host freed everything it was given). */
WASM_EXPORT("live_allocations") uint32_t live_allocations(void) {
    return live;
}

/* ---- the walkthrough ---- */

/* add(20, 22) returns 42 and tells the host the sum. */
WASM_EXPORT("add") uint32_t add(uint32_t x, uint32_t y) {
    uint32_t sum = x + y;
    host_log_uint32(sum);
    return sum;
}

static const char GREETING[] = "\xF0\x9F\x91\x8B Hello from wasm";   /* U+1F44B waving hand */

/* Hands the host a UTF-8 greeting that lives in linear memory, as (offset, byte count). */
WASM_EXPORT("hello") void hello(void) {
    host_log_string(GREETING, sizeof GREETING - 1);
}

/*
 * greet(name, len): a new string "Hello, <name>!" allocated with malloc; the caller frees it.
 * Returned packed as (pointer << 32 | length); 0 when out of memory.
 */
WASM_EXPORT("greet") uint64_t greet(const char *name, uint32_t len) {
    static const char prefix[] = "Hello, ";
    uint32_t prefix_len = sizeof prefix - 1;
    uint32_t total = prefix_len + len + 1;
    char *out = walkthrough_malloc(total);
    if (out == 0) {
        return 0;
    }
    __builtin_memcpy(out, prefix, prefix_len);
    __builtin_memcpy(out + prefix_len, name, len);
    out[total - 1] = '!';
    return ((uint64_t) (uintptr_t) out << 32) | total;
}
