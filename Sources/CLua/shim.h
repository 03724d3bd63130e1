/*
 * shim.h — the C side of persona-host's Lua bridge.
 *
 * Swift cannot call C macros, and some things must be written in C because they may
 * `longjmp` (lua_error) or are called by Lua itself (allocator, hooks). Everything here is
 * `static inline`, prefixed `clua_`, and used only by Sources/Host/Lua*.swift.
 *
 * Part 1 wraps the Lua 5.4 macros the host needs. Part 2 is the sandbox's machinery:
 * the per-state control block, the budgeted allocator, the instruction-count hook, the
 * traceback message handler and the trampoline through which Lua calls Swift without
 * ever unwinding across Swift frames.
 */
#ifndef PERSONA_HOST_CLUA_SHIM_H
#define PERSONA_HOST_CLUA_SHIM_H

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

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
enum { CLUA_TRIP_NONE = 0, CLUA_TRIP_INSTRUCTIONS = 1, CLUA_TRIP_MEMORY = 2 };

/** How often (in VM instructions) the count hook runs. */
#define CLUA_HOOK_GRANULARITY 1000

/**
 * One per lua_State, reached through the state's extra space (shared by its coroutines).
 * Swift owns the memory and outlives the state.
 */
typedef struct clua_control {
    size_t mem_used;          /* bytes currently allocated by this state */
    size_t mem_limit;         /* refuse growth past this while enforcing */
    int mem_enforce;          /* 0 while the host itself pushes values */
    long long instr_used;     /* VM instructions used by the current call, in hook ticks */
    long long instr_limit;    /* budget for one host call */
    int trip;                 /* CLUA_TRIP_* for the current call */
    int hooked;               /* whether the count hook is armed for the current call */
    /* Lua calling Swift: returns the number of results, or -1 with an error message on top. */
    int (*dispatch)(lua_State *L, void *context, int function_id);
    void *context;
} clua_control;

/** The control block of `L` (stored in LUA_EXTRASPACE, which coroutines inherit). */
static inline clua_control *clua_control_of(lua_State *L) {
    return *(clua_control **)lua_getextraspace(L);
}

/** A lua_Alloc that keeps the state within `mem_limit` while enforcing. */
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
    void *p = realloc(ptr, nsize);
    if (p != NULL) c->mem_used = c->mem_used - old + nsize;
    return p;
}

/**
 * The count hook: charges CLUA_HOOK_GRANULARITY instructions per tick. Past the budget it
 * raises, and re-arms itself on every instruction so that a plugin cannot catch the error
 * with pcall and keep looping.
 */
static inline void clua_count_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    clua_control *c = clua_control_of(L);
    c->instr_used += lua_gethookcount(L);  /* this thread's tick size: 1000, or 1 once tripped */
    if (c->instr_used > c->instr_limit) {
        c->trip = CLUA_TRIP_INSTRUCTIONS;
        lua_sethook(L, clua_count_hook, LUA_MASKCOUNT, 1);
        /* Level 0 inside a hook is the Lua function being run: name its line. */
        luaL_where(L, 0);
        lua_pushfstring(L, "instruction budget of %I exceeded", (lua_Integer)c->instr_limit);
        lua_concat(L, 2);
        lua_error(L);
    }
}

/** Arms the count hook at its normal granularity on `L`. */
static inline void clua_arm_hook(lua_State *L) {
    lua_sethook(L, clua_count_hook, LUA_MASKCOUNT, CLUA_HOOK_GRANULARITY);
}

/**
 * Starts a new budgeted call: clears the counters and the trip reason, and arms the count
 * hook unless the function is proven bounded. States run unhooked between calls (with any
 * hook set, Lua 5.4 routes every instruction through its tracer, doubling a tiny call's cost).
 */
static inline void clua_begin_call(lua_State *L, clua_control *c, int hooked) {
    c->instr_used = 0;
    c->trip = CLUA_TRIP_NONE;
    c->hooked = hooked;
    if (hooked) clua_arm_hook(L);
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
