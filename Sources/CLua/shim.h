/*
 * shim.h — the C side of persona-host's Lua bridge.
 *
 * Swift cannot call C macros, and some things must be written in C because they may
 * `longjmp` (lua_error) or are called by Lua itself (allocator, hooks). Everything here is
 * `static inline`, prefixed `clua_`, and used only by Sources/Host/Lua*.swift.
 *
 * Part 1 wraps the Lua 5.4 macros the host needs. Part 2 is the sandbox's machinery:
 * the per-state control block, the budgeted allocator, the instruction-count hook (which also
 * watches the wall-clock deadline), `clua_charge` (how C code charges its work to the same
 * budget), the traceback message handler and the trampoline through which Lua calls Swift
 * without ever unwinding across Swift frames. The bounded copies of the library functions that
 * loop in C (string patterns and the rest of the string library, the table and utf8 libraries,
 * load, tonumber, os.date) live in Sources/LuaSandboxC and charge their work through
 * `clua_charge`.
 */
#ifndef PERSONA_HOST_CLUA_SHIM_H
#define PERSONA_HOST_CLUA_SHIM_H

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <time.h>

/* ---------------------------------------------------------------- Part 1: macros */

/** The pseudo-index of the registry (LUA_REGISTRYINDEX). */
static inline int clua_registryindex(void) { return LUA_REGISTRYINDEX; }
/** The pseudo-index of upvalue `i` of the running C closure (lua_upvalueindex). */
static inline int clua_upvalueindex(int i) { return lua_upvalueindex(i); }
/** Protected call with a message handler at stack index `msgh` (lua_pcall). */
static inline int clua_pcall(lua_State *L, int nargs, int nresults, int msgh) {
    return lua_pcall(L, nargs, nresults, msgh);
}
/** Pops `n` values (lua_pop). */
static inline void clua_pop(lua_State *L, int n) { lua_pop(L, n); }
/** Pushes a new empty table (lua_newtable). */
static inline void clua_newtable(lua_State *L) { lua_newtable(L); }
/** The string at `idx` with its length, or NULL when it is not a string or number (lua_tolstring). */
static inline const char *clua_tostring(lua_State *L, int idx, size_t *len) { return lua_tolstring(L, idx, len); }
/** The number at `idx`, and whether it was one (lua_tonumberx). */
static inline lua_Number clua_tonumber(lua_State *L, int idx, int *isnum) { return lua_tonumberx(L, idx, isnum); }
/** The integer at `idx`, and whether it was one (lua_tointegerx). */
static inline lua_Integer clua_tointeger(lua_State *L, int idx, int *isnum) { return lua_tointegerx(L, idx, isnum); }
/** Whether the value at `idx` is nil (lua_isnil). */
static inline int clua_isnil(lua_State *L, int idx) { return lua_isnil(L, idx); }
/** Whether the value at `idx` is a table (lua_istable). */
static inline int clua_istable(lua_State *L, int idx) { return lua_istable(L, idx); }
/** Whether the value at `idx` is a function (lua_isfunction). */
static inline int clua_isfunction(lua_State *L, int idx) { return lua_isfunction(L, idx); }
/** Moves the top value into position `idx` (lua_insert). */
static inline void clua_insert(lua_State *L, int idx) { lua_insert(L, idx); }
/** Removes the value at `idx` (lua_remove). */
static inline void clua_remove(lua_State *L, int idx) { lua_remove(L, idx); }
/** Pushes a C function without upvalues (lua_pushcfunction). */
static inline void clua_pushcfunction(lua_State *L, lua_CFunction f) { lua_pushcfunction(L, f); }
/** Pushes the global table (lua_pushglobaltable). */
static inline void clua_pushglobaltable(lua_State *L) { lua_pushglobaltable(L); }
/** Runs a full garbage collection (lua_gc is variadic, which Swift cannot call). */
static inline void clua_gc_collect(lua_State *L) { (void)lua_gc(L, LUA_GCCOLLECT, 0); }
/** Kilobytes in use by the state (lua_gc LUA_GCCOUNT). */
static inline int clua_gc_count_kb(lua_State *L) { return lua_gc(L, LUA_GCCOUNT, 0); }
/** The Lua release linked in, e.g. "Lua 5.4.4" (a string macro Swift cannot import). */
static inline const char *clua_release(void) { return LUA_RELEASE; }
/** Whether a numeric value is an integer subtype (lua_isinteger is a function; kept for symmetry). */
static inline int clua_isinteger(lua_State *L, int idx) { return lua_isinteger(L, idx); }

/* ------------------------------------------------------ Part 2: sandbox machinery */

/** Why the last protected call was stopped by the sandbox, if it was. */
enum { CLUA_TRIP_NONE = 0, CLUA_TRIP_INSTRUCTIONS = 1, CLUA_TRIP_MEMORY = 2, CLUA_TRIP_DEADLINE = 3 };

/** How often (in VM instructions) the count hook runs. */
#define CLUA_HOOK_GRANULARITY 1000

/**
 * One per lua_State, reached through the state's extra space (shared by its coroutines).
 * Swift owns the memory and outlives the state. A zeroed block means: no deadline, no hook.
 */
typedef struct clua_control {
    size_t mem_used;          /* bytes currently allocated by this state */
    size_t mem_limit;         /* refuse growth past this while enforcing */
    int mem_enforce;          /* 0 while the host itself pushes values */
    long long instr_used;     /* VM instructions (and charged C work) used by the current call */
    long long instr_limit;    /* budget for one host call */
    int trip;                 /* CLUA_TRIP_* for the current call */
    int hooked;               /* whether the count hook is armed for the current call */
    /* Lua calling Swift: returns the number of results, or -1 with an error message on top. */
    int (*dispatch)(lua_State *L, void *context, int function_id);
    void *context;
    long long timeout_ns;     /* wall-clock limit of one hooked call; 0: none */
    long long deadline_ns;    /* clua_now_ns() past which the current call fails; 0: none,
                                 CLUA_DEADLINE_PENDING: not started yet (see clua_past_deadline) */
    long long clock_check_at; /* instr_used at which clua_charge next reads the clock */
    lua_State *main_state;    /* the state's main thread (set by clua_newstate) */
    char trip_message[256];   /* the error clua_trip raised last ("chunk:line: …"), for a call
                                 that swallowed it (a pcall or load as its very last act) */
} clua_control;

/** Allocations at least this big look at the deadline (see clua_alloc). */
#define CLUA_BIG_ALLOCATION ((size_t)1 << 20)

/** `deadline_ns` of a call whose clock has not been read yet. */
#define CLUA_DEADLINE_PENDING (-1LL)

/** The control block of `L` (stored in LUA_EXTRASPACE, which coroutines inherit). */
static inline clua_control *clua_control_of(lua_State *L) {
    return *(clua_control **)lua_getextraspace(L);
}

/**
 * A cheap monotonic clock in nanoseconds: CLOCK_MONOTONIC_COARSE is read from the vDSO without
 * a system call (a few ns) and ticks every few milliseconds, which is plenty for deadlines.
 */
static inline long long clua_now_ns(void) {
    struct timespec ts;
#ifdef CLOCK_MONOTONIC_COARSE
    clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
#else
    clock_gettime(CLOCK_MONOTONIC, &ts);
#endif
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/**
 * Whether the current call's deadline has passed (one coarse clock read; false with no
 * deadline). The clock of a call starts at its first check, not when the call begins: a call
 * shorter than one count tick (a formula on one row) then never reads the clock at all, and
 * what the deadline leaves out is at most the call's first tick of work.
 */
static inline int clua_past_deadline(clua_control *c) {
    if (c->deadline_ns == 0) return 0;
    long long now = clua_now_ns();
    if (c->deadline_ns == CLUA_DEADLINE_PENDING) {
        c->deadline_ns = now + c->timeout_ns;
        return 0;
    }
    return now > c->deadline_ns;
}

static inline void clua_count_hook(lua_State *L, lua_Debug *ar);

/**
 * A lua_Alloc that keeps the state within `mem_limit` while enforcing.
 *
 * A big allocation (a long string being built by `..`, a table growing) also looks at the
 * clock: past the call's deadline it sets the main thread's hook to run on the very next
 * instruction, which then raises the deadline error (lua_sethook is safe anywhere, as from a
 * signal handler). Without this, a loop whose every instruction copies megabytes would only be
 * stopped at the next count tick, a thousand such copies later.
 */
static inline void *clua_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    clua_control *c = (clua_control *)ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        c->mem_used -= old;
        return NULL;
    }
    if (nsize > old && c->mem_enforce && c->mem_used - old + nsize > c->mem_limit) {
        c->trip = CLUA_TRIP_MEMORY;
        return NULL;
    }
    if (nsize >= old + CLUA_BIG_ALLOCATION && c->mem_enforce && c->hooked && c->deadline_ns != 0
        && c->main_state != NULL && clua_past_deadline(c)) {
        lua_sethook(c->main_state, clua_count_hook, LUA_MASKCOUNT, 1);
    }
    void *p = realloc(ptr, nsize);
    if (p != NULL) c->mem_used = c->mem_used - old + nsize;
    return p;
}

/**
 * Pushes "chunk:line: " for the innermost Lua function at `level` or above (C functions such as
 * `string.find` or `pcall` are skipped, so the message names the plugin's line), or "".
 */
static inline void clua_push_where(lua_State *L, int level) {
    lua_Debug ar;
    while (lua_getstack(L, level, &ar)) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0) {
            lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
            return;
        }
        level++;
    }
    lua_pushliteral(L, "");
}

/**
 * Stops the current call for `reason` (CLUA_TRIP_INSTRUCTIONS or CLUA_TRIP_DEADLINE): records
 * the reason, re-arms the hook on this thread at every instruction (so a `pcall` in the plugin
 * that catches the error gets it again on its very next instruction) and raises
 * "chunk:line: instruction budget of N exceeded" or "…: wall-clock deadline of S s exceeded",
 * naming the first Lua function at `level` or above. Does not return.
 */
static inline int clua_trip(lua_State *L, clua_control *c, int reason, int level) {
    c->trip = reason;
    lua_sethook(L, clua_count_hook, LUA_MASKCOUNT, 1);
    clua_push_where(L, level);
    if (reason == CLUA_TRIP_DEADLINE) {
        char seconds[32];
        snprintf(seconds, sizeof seconds, "%g", (double)c->timeout_ns / 1e9);
        lua_pushfstring(L, "wall-clock deadline of %s s exceeded", seconds);
    } else {
        lua_pushfstring(L, "instruction budget of %I exceeded", (lua_Integer)c->instr_limit);
    }
    lua_concat(L, 2);
    snprintf(c->trip_message, sizeof c->trip_message, "%s", lua_tostring(L, -1));
    return lua_error(L);
}

/**
 * The count hook: charges CLUA_HOOK_GRANULARITY instructions per tick, and checks the budget
 * and the deadline. Past either it raises, and re-arms itself on every instruction so that a
 * plugin cannot catch the error with pcall and keep looping.
 */
static inline void clua_count_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    clua_control *c = clua_control_of(L);
    c->instr_used += lua_gethookcount(L);  /* this thread's tick size: 1000, or 1 once tripped */
    if (c->instr_used > c->instr_limit) clua_trip(L, c, CLUA_TRIP_INSTRUCTIONS, 0);
    if (clua_past_deadline(c)) clua_trip(L, c, CLUA_TRIP_DEADLINE, 0);
}

/** Arms the count hook at its normal granularity on `L`. */
static inline void clua_arm_hook(lua_State *L) {
    lua_sethook(L, clua_count_hook, LUA_MASKCOUNT, CLUA_HOOK_GRANULARITY);
}

/** The slow half of `clua_charge`: over budget, or time to look at the clock. */
static inline void clua_charge_check(lua_State *L, clua_control *c) {
    if (c->instr_used > c->instr_limit) clua_trip(L, c, CLUA_TRIP_INSTRUCTIONS, 0);
    c->clock_check_at = c->instr_used + CLUA_HOOK_GRANULARITY;
    if (clua_past_deadline(c)) clua_trip(L, c, CLUA_TRIP_DEADLINE, 0);
}

/**
 * Charges `n` instructions of work done in C (pattern-matching steps, elements moved, bytes
 * read) to the current call, from inside a C function called by Lua. Past the budget or the
 * deadline it raises exactly as the count hook does, naming the calling Lua line; the clock is
 * read at most once per CLUA_HOOK_GRANULARITY charged instructions. Outside a budgeted, hooked
 * call (host code, proven-bounded calls) it does nothing.
 */
static inline void clua_charge(lua_State *L, long long n) {
    clua_control *c = clua_control_of(L);
    if (!c->hooked) return;
    c->instr_used += n;
    if (c->instr_used > c->instr_limit || c->instr_used >= c->clock_check_at) clua_charge_check(L, c);
}

/**
 * Starts a new budgeted call: clears the counters and the trip reason, resets the deadline
 * (its clock starts at the first check), and arms the count hook unless the function is proven
 * bounded. States run unhooked between calls (with any hook set, Lua 5.4 routes every
 * instruction through its tracer, doubling a tiny call's cost); a proven-bounded call needs
 * neither hook nor deadline.
 */
static inline void clua_begin_call(lua_State *L, clua_control *c, int hooked) {
    c->instr_used = 0;
    c->trip = CLUA_TRIP_NONE;
    c->hooked = hooked;
    if (hooked) {
        c->clock_check_at = CLUA_HOOK_GRANULARITY;
        c->deadline_ns = c->timeout_ns > 0 ? CLUA_DEADLINE_PENDING : 0;
        clua_arm_hook(L);
    }
    c->mem_enforce = 1;
}

/** Ends a budgeted call: the hook comes off and the host may allocate freely again. */
static inline void clua_end_call(lua_State *L, clua_control *c) {
    c->mem_enforce = 0;
    if (c->hooked) {
        lua_sethook(L, NULL, 0, 0);
        c->hooked = 0;
    }
}

/**
 * Message handler for every pcall: turns any error value into "message\nstack traceback:...".
 * Non-string errors are described (tables with __tostring are converted inside the pcall).
 */
static inline int clua_traceback(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) {
            msg = lua_tostring(L, -1);
        } else {
            msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
        }
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

/**
 * Every Swift function Lua can call goes through here. The Swift side never raises: it
 * returns -1 with a message on the stack and this C frame raises instead, so `lua_error`
 * never unwinds a Swift frame. Memory enforcement is off while Swift pushes its results.
 */
static inline int clua_trampoline(lua_State *L) {
    clua_control *c = clua_control_of(L);
    int function_id = (int)lua_tointeger(L, lua_upvalueindex(1));
    int enforcing = c->mem_enforce;
    c->mem_enforce = 0;
    int n = c->dispatch(L, c->context, function_id);
    c->mem_enforce = enforcing;
    if (n < 0) return lua_error(L);
    if (enforcing && c->mem_used > c->mem_limit) {
        c->trip = CLUA_TRIP_MEMORY;
        return luaL_error(L, "not enough memory");
    }
    return n;
}

/** Pushes a closure over clua_trampoline for Swift function `function_id`. */
static inline void clua_push_host_function(lua_State *L, int function_id) {
    lua_pushinteger(L, function_id);
    lua_pushcclosure(L, clua_trampoline, 1);
}

/** Pushes the message handler used by every host pcall. */
static inline void clua_push_traceback(lua_State *L) { lua_pushcfunction(L, clua_traceback); }

/** Panic handler: an error outside any pcall is a host bug, never plugin input. */
static inline int clua_panic(lua_State *L) {
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "persona-host: unprotected Lua error (host bug): %s\n", msg ? msg : "?");
    return 0; /* Lua aborts after this returns */
}

/** Creates a state using the budgeted allocator and stores `c` in its extra space. */
static inline lua_State *clua_newstate(clua_control *c) {
    lua_State *L = lua_newstate(clua_alloc, c);
    if (L == NULL) return NULL;
    *(clua_control **)lua_getextraspace(L) = c;
    c->main_state = L;
    lua_atpanic(L, clua_panic);
    return L;
}

/** Opens the libraries the sandbox draws from (io, os-proper, package and debug are never exposed). */
static inline void clua_open_sandbox_libs(lua_State *L) {
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 1);
    luaL_requiref(L, LUA_OSLIBNAME, luaopen_os, 1);
    lua_pop(L, 7);
}

#endif
