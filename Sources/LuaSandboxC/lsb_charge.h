/*
 * lsb_charge.h — what the bounded library copies share: Lua's headers, the host's control
 * block and `clua_charge` (Sources/CLua/shim.h), and the cost model.
 *
 * Cost model (in instructions of the call's budget, the unit of the count hook):
 * - one per pattern-matching step (a pattern item tried at a position), per table element
 *   read or written, per value produced, and per call of a reader or replacement function;
 * - one per LSB_BYTES_PER_INSTRUCTION bytes of string data scanned, compared or produced.
 * The charge is made as the work happens (never estimated up front), so a function that fails
 * part-way fails with its own error, as in stock Lua, unless the budget really ran out first.
 */
#ifndef PERSONA_HOST_LSB_CHARGE_H
#define PERSONA_HOST_LSB_CHARGE_H

#define LUA_LIB  /* Lua's l_likely / l_unlikely, as its own library files have them */

#include "../CLua/shim.h"

#ifndef lua_assert
#define lua_assert(c) ((void)0)
#endif

/** Bytes of string work that cost one instruction. */
#define LSB_BYTES_PER_INSTRUCTION 16

/** Instructions for `n` bytes of string work (a few bytes are free). */
static inline long long lsb_bytes(size_t n) {
    return (long long)(n / LSB_BYTES_PER_INSTRUCTION);
}

/** Charges `n` instructions, skipping the call for zero (the common case of short strings). */
static inline void lsb_charge(lua_State *L, long long n) {
    if (n > 0) clua_charge(L, n);
}

/* The bounded copies, installed by lsb_install (install.c). */
extern const luaL_Reg lsb_strlib_funcs[];
extern const luaL_Reg lsb_tablib_funcs[];
extern const luaL_Reg lsb_utf8lib_funcs[];
extern const luaL_Reg lsb_stringmetamethods[];
int lsb_load(lua_State *L);
int lsb_tonumber(lua_State *L);
int lsb_date(lua_State *L);

#endif
