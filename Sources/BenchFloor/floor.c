/*
 * floor.c — the C floor of the hook-call benchmark (see include/floor.h).
 *
 * The sandbox pieces come from the host's own shim (static inline, so this file compiles its
 * own copy of exactly the code the Swift side runs).
 */
#include "floor.h"
#include "../CLua/shim.h"

#include <limits.h>
#include <math.h>

struct bench_floor {
    lua_State *L;
    int options;
    int function_ref;                /* registry slot of the function under test */
    clua_control control;            /* used by the hook and the budgeted allocator */
    char error[512];
};

/* Same budgets as `LuaRuntime.Limits.default`. */
static const long long default_instructions = 100000000LL;
static const size_t default_memory = (size_t)256 << 20;

static void set_error(bench_floor *f, const char *message) {
    snprintf(f->error, sizeof f->error, "%s", message ? message : "(non-string error)");
}

bench_floor *bench_floor_create(const char *source, int options) {
    bench_floor *f = calloc(1, sizeof *f);
    if (f == NULL) return NULL;
    f->options = options;
    f->function_ref = LUA_NOREF;
    f->control.mem_limit = default_memory;
    f->control.instr_limit = default_instructions;

    if (options & BENCH_FLOOR_BUDGET) {
        f->L = clua_newstate(&f->control);              /* budgeted allocator; begin_call arms the hook */
        if (f->L == NULL) { free(f); return NULL; }
        clua_open_sandbox_libs(f->L);
    } else {
        f->L = luaL_newstate();
        if (f->L == NULL) { free(f); return NULL; }
        *(clua_control **)lua_getextraspace(f->L) = &f->control;  /* the hook finds its counters here */
        f->control.instr_limit = LLONG_MAX;  /* no begin_call resets the count here: never trip */
        if (options & BENCH_FLOOR_COUNT_HOOK) clua_arm_hook(f->L);
        luaL_openlibs(f->L);
    }
    lua_State *L = f->L;
    clua_push_traceback(L);                               /* slot 1, for the whole life of the state */

    if (luaL_loadbufferx(L, source, strlen(source), "=floor", "t") != LUA_OK
        || lua_pcall(L, 0, 1, 1) != LUA_OK) {
        set_error(f, lua_tostring(L, -1));
        lua_settop(L, 1);
        return f;
    }
    if (!lua_isfunction(L, -1)) {
        set_error(f, "the chunk did not return a function");
        lua_settop(L, 1);
        return f;
    }
    f->function_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_settop(L, 1);
    return f;
}

const char *bench_floor_error(const bench_floor *f) {
    return f->error[0] ? f->error : NULL;
}

double bench_floor_run(bench_floor *f, long long calls) {
    lua_State *L = f->L;
    const int budgeted = (f->options & BENCH_FLOOR_BUDGET) != 0;
    if (f->function_ref == LUA_NOREF) return NAN;
    double sum = 0;
    for (long long i = 0; i < calls; i++) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, f->function_ref);
        lua_pushnumber(L, (double)(i & 1023) * (1.0 / 1024));
        lua_pushnumber(L, 0.5);
        lua_pushnumber(L, 0.25);
        if (budgeted) clua_begin_call(L, &f->control, (f->options & BENCH_FLOOR_COUNT_HOOK) != 0);
        int status = lua_pcall(L, 3, 1, 1);
        if (budgeted) clua_end_call(L, &f->control);
        if (status != LUA_OK) {
            set_error(f, lua_tostring(L, -1));
            lua_settop(L, 1);
            return NAN;
        }
        int is_number = 0;
        double result = lua_tonumberx(L, -1, &is_number);
        lua_settop(L, 1);
        if (!is_number) {
            set_error(f, "the function did not return a number");
            return NAN;
        }
        sum += result;
    }
    return sum;
}

void bench_floor_destroy(bench_floor *f) {
    if (f == NULL) return;
    if (f->L != NULL) lua_close(f->L);
    free(f);
}
