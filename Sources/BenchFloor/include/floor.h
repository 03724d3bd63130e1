/*
 * floor.h — the C floor `persona-bench` measures a Swift hook call against.
 *
 * A floor state makes the same call per iteration as `LuaRuntime.callNumber`: the function
 * from the registry, three numbers pushed, `lua_pcall` with a traceback handler kept at stack
 * slot 1, the number read back with `lua_tonumberx`, the stack reset with `lua_settop`.
 *
 * With no options it is the floor proper: a plain `luaL_newstate` state, all libraries, no
 * hook, the default allocator. The options add one piece of the host's sandbox each, so the
 * benchmark can say which piece costs what.
 */
#ifndef PERSONA_BENCH_FLOOR_H
#define PERSONA_BENCH_FLOOR_H

/** Pieces of the host's sandbox a floor state can add (bit flags; 0 is the floor proper). */
enum {
    /** The floor proper: plain state, default allocator, no hook. */
    BENCH_FLOOR_PLAIN = 0,
    /** Arm the host's instruction-count hook (`clua_count_hook`, every 1,000 instructions). */
    BENCH_FLOOR_COUNT_HOOK = 1,
    /** Use the host's budgeted allocator and control block (`clua_newstate`) and bracket every
        call with `clua_begin_call` / `clua_end_call`, as `protectedCall` does. */
    BENCH_FLOOR_BUDGET = 2,
};

/** One floor state with the compiled function in its registry. */
typedef struct bench_floor bench_floor;

/**
 * Creates a state with `options`, runs the chunk `source` (which must return a function of three
 * numbers) and keeps the returned function in the registry. Returns NULL when the state cannot
 * be created; a chunk that fails is reported by `bench_floor_error`.
 */
bench_floor *bench_floor_create(const char *source, int options);

/** The error that stopped the last create or run, or NULL when there was none. */
const char *bench_floor_error(const bench_floor *floor);

/**
 * Makes `calls` calls, call `i` with (`(i & 1023) / 1024`, 0.5, 0.25), and returns the sum of the
 * results (so the work cannot be optimised away, and so the Swift path's sum can be compared).
 * Stops at the first failure and returns NaN; `bench_floor_error` then says why.
 */
double bench_floor_run(bench_floor *floor, long long calls);

/** Closes the state and frees the floor. */
void bench_floor_destroy(bench_floor *floor);

#endif
