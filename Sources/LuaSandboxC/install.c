/*
 * install.c — puts the bounded copies (lstrlib_bounded.c, ltablib_bounded.c,
 * lutf8lib_bounded.c, lbaselib_bounded.c, loslib_date.c) in place of Lua's own functions.
 */
#include "lsb_charge.h"
#include "include/LuaSandboxC.h"

/* Sets the functions of `funcs` into the global table `library` (which must exist). */
static void lsb_replace(lua_State *L, const char *library, const luaL_Reg *funcs) {
    if (lua_getglobal(L, library) != LUA_TTABLE) luaL_error(L, "library '%s' is not open", library);
    luaL_setfuncs(L, funcs, 0);
    lua_pop(L, 1);
}

/* Runs protected, so running out of memory here is an error status, not a panic. */
static int lsb_install_protected(lua_State *L) {
    lsb_replace(L, LUA_STRLIBNAME, lsb_strlib_funcs);
    lsb_replace(L, LUA_TABLIBNAME, lsb_tablib_funcs);
    lsb_replace(L, LUA_UTF8LIBNAME, lsb_utf8lib_funcs);
    lua_pushcfunction(L, lsb_load);
    lua_setglobal(L, "load");
    lua_pushcfunction(L, lsb_tonumber);
    lua_setglobal(L, "tonumber");
    /* the string metatable's arithmetic ("10" + 1) */
    lua_pushliteral(L, "");
    if (!lua_getmetatable(L, -1)) luaL_error(L, "strings have no metatable");
    luaL_setfuncs(L, lsb_stringmetamethods, 0);
    lua_pop(L, 2);
    if (lua_getglobal(L, LUA_OSLIBNAME) != LUA_TTABLE) luaL_error(L, "library 'os' is not open");
    lua_pushcfunction(L, lsb_date);
    lua_setfield(L, -2, "date");
    lua_pop(L, 1);
    return 0;
}

int lsb_install(struct lua_State *L) {
    int status;
    lua_pushcfunction(L, lsb_install_protected);
    status = lua_pcall(L, 0, 0, 0);
    if (status != LUA_OK) lua_pop(L, 1);
    return status;
}
