/*
 * spin: a runaway loop, to show the call limits (wasm.modules.spin.limits.*) at work.
 *
 *   spin(0)  loops forever: only a call timeout (or fuel) stops it
 *   spin(n)  loops n times and returns n
 *
 * Freestanding C, no imports. Rebuild ../../resources/wasm/spin.wasm with ./build.sh.
 */
typedef unsigned int uint32_t;

/* volatile, so that the compiler keeps every iteration of the loop */
static volatile uint32_t laps;

__attribute__((export_name("spin"))) uint32_t spin(uint32_t iterations) {
    uint32_t done = 0;
    while (iterations == 0 || done < iterations) {
        laps = laps + 1;
        done++;
    }
    return done;
}
