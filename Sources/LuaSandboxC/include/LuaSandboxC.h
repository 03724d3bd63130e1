/*
 * LuaSandboxC.h — bounded copies of the Lua 5.4.4 library functions that loop in C.
 *
 * Lua's count hook only sees VM instructions, so a library function that loops in C (a string
 * pattern that backtracks, `table.move` over 10^15 slots, `load` fed by a C reader) could run
 * forever inside one instruction. This target holds copies of those functions, taken from the
 * Lua 5.4.4 sources (lstrlib.c, ltablib.c, lutf8lib.c, and lbaselib.c's `load` and `tonumber`,
 * loslib.c's `os.date`; MIT licence, Copyright (C) 1994-2022 Lua.org, PUC-Rio), that behave
 * exactly like the originals but charge their work (matching steps, elements, bytes) to the
 * current call's instruction budget and check its wall-clock deadline through `clua_charge`
 * (Sources/CLua/shim.h). The cost model is in lsb_charge.h.
 */
#ifndef PERSONA_HOST_LUA_SANDBOX_C_H
#define PERSONA_HOST_LUA_SANDBOX_C_H

struct lua_State;

/**
 * Replaces every library function that can loop in C with its bounded copy: all of `string`
 * but `dump` (which the sandbox removes), the string metatable's arithmetic metamethods, all of
 * `table` and `utf8`, `load`, `tonumber` and `os.date`. Call once, right after the libraries
 * are opened and before any other code runs, so that every later copy of those tables (the
 * sandbox's, the string metatable's `__index`) holds the bounded functions. Returns LUA_OK, or
 * an error status (out of memory).
 */
int lsb_install(struct lua_State *L);

#endif
