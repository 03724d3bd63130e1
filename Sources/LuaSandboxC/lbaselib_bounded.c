/*
** lbaselib_bounded.c — Lua 5.4.4's 'load' and 'tonumber' (lbaselib.c), with their work
** charged to the sandbox's instruction budget and wall-clock deadline.
**
** Vendored by persona-host from the Lua 5.4.4 sources as shipped by Debian (lua5.4 5.4.4).
** Changes from the original, all marked "persona-host:": a string chunk is handed to the
** parser in pieces of LOAD_PIECE bytes instead of all at once, and every piece read (from
** the string or from a reader function) charges one instruction per byte, plus one per call
** of the reader, through clua_charge. A reader that returns text for ever (a C function such
** as os.time) therefore exhausts the budget (or the memory budget, or the deadline) instead
** of growing one token until the process runs out of memory. As with any error raised while
** loading, 'load' returns nil and the message; the call's trip is recorded and the hook armed,
** so the plugin's next instruction raises the budget error again. Results and messages are
** otherwise exactly Lua's. 'tonumber' charges the bytes of the numeral it reads.
**
** Copyright (C) 1994-2022 Lua.org, PUC-Rio.
**
** Permission is hereby granted, free of charge, to any person obtaining
** a copy of this software and associated documentation files (the
** "Software"), to deal in the Software without restriction, including
** without limitation the rights to use, copy, modify, merge, publish,
** distribute, sublicense, and/or sell copies of the Software, and to
** permit persons to whom the Software is furnished to do so, subject to
** the following conditions:
**
** The above copyright notice and this permission notice shall be
** included in all copies or substantial portions of the Software.
**
** THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
** EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
** MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT.
** IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY
** CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT,
** TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE
** SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
*/

#include <ctype.h>
#include <string.h>

#include "lsb_charge.h"  /* persona-host: lua.h, lauxlib.h, lualib.h and clua_charge */


#define SPACECHARS	" \f\n\r\t\v"

static const char *b_str2int (const char *s, int base, lua_Integer *pn) {
  lua_Unsigned n = 0;
  int neg = 0;
  s += strspn(s, SPACECHARS);  /* skip initial spaces */
  if (*s == '-') { s++; neg = 1; }  /* handle sign */
  else if (*s == '+') s++;
  if (!isalnum((unsigned char)*s))  /* no digit? */
    return NULL;
  do {
    int digit = (isdigit((unsigned char)*s)) ? *s - '0'
                   : (toupper((unsigned char)*s) - 'A') + 10;
    if (digit >= base) return NULL;  /* invalid numeral */
    n = n * base + digit;
    s++;
  } while (isalnum((unsigned char)*s));
  s += strspn(s, SPACECHARS);  /* skip trailing spaces */
  *pn = (lua_Integer)((neg) ? (0u - n) : n);
  return s;
}


/* Lua's 'luaB_tonumber' (persona-host: charging the bytes of the numeral) */
int lsb_tonumber (lua_State *L) {
  if (lua_isnoneornil(L, 2)) {  /* standard conversion? */
    if (lua_type(L, 1) == LUA_TNUMBER) {  /* already a number? */
      lua_settop(L, 1);  /* yes; return it */
      return 1;
    }
    else {
      size_t l;
      const char *s = lua_tolstring(L, 1, &l);
      lsb_charge(L, lsb_bytes(l));  /* persona-host */
      if (s != NULL && lua_stringtonumber(L, s) == l + 1)
        return 1;  /* successful conversion to number */
      /* else not a number */
      luaL_checkany(L, 1);  /* (but there must be some parameter) */
    }
  }
  else {
    size_t l;
    const char *s;
    lua_Integer n = 0;  /* to avoid warnings */
    lua_Integer base = luaL_checkinteger(L, 2);
    luaL_checktype(L, 1, LUA_TSTRING);  /* no numbers as strings */
    s = lua_tolstring(L, 1, &l);
    luaL_argcheck(L, 2 <= base && base <= 36, 2, "base out of range");
    lsb_charge(L, lsb_bytes(l));  /* persona-host */
    if (b_str2int(s, (int)base, &n) == s + l) {
      lua_pushinteger(L, n);
      return 1;
    }  /* else not a number */
  }  /* else not a number */
  luaL_pushfail(L);  /* not a number */
  return 1;
}


/* persona-host: bytes of a string chunk handed to the parser at a time */
#define LOAD_PIECE	(64 * 1024)


static int load_aux (lua_State *L, int status, int envidx) {
  if (l_likely(status == LUA_OK)) {
    if (envidx != 0) {  /* 'env' parameter? */
      lua_pushvalue(L, envidx);  /* environment for loaded function */
      if (!lua_setupvalue(L, -2, 1))  /* set it as 1st upvalue */
        lua_pop(L, 1);  /* remove 'env' if not used by previous call */
    }
    return 1;
  }
  else {  /* error (message is on top of the stack) */
    luaL_pushfail(L);
    lua_insert(L, -2);  /* put before error message */
    return 2;  /* return fail plus error message */
  }
}


/*
** reserved slot, above all arguments, to hold a copy of the returned
** string to avoid it being collected while parsed. 'load' has four
** optional arguments (chunk, source name, mode, and environment).
*/
#define RESERVEDSLOT	5


/*
** Reader for generic 'load' function: 'lua_load' uses the
** stack for internal stuff, so the reader cannot change the
** stack top. Instead, it keeps its resulting string in a
** reserved slot inside the stack.
*/
static const char *generic_reader (lua_State *L, void *ud, size_t *size) {
  const char *piece;  /* persona-host */
  (void)(ud);  /* not used */
  luaL_checkstack(L, 2, "too many nested functions");
  lua_pushvalue(L, 1);  /* get function */
  lua_call(L, 0, 1);  /* call it */
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);  /* pop result */
    *size = 0;
    clua_charge(L, 1);  /* persona-host: the call */
    return NULL;
  }
  else if (l_unlikely(!lua_isstring(L, -1)))
    luaL_error(L, "reader function must return a string");
  lua_replace(L, RESERVEDSLOT);  /* save string in reserved slot */
  piece = lua_tolstring(L, RESERVEDSLOT, size);
  clua_charge(L, 1 + (long long)*size);  /* persona-host: the call and its bytes */
  return piece;
}


/* persona-host: what is left of a string chunk */
typedef struct StringReader {
  const char *s;
  size_t size;
} StringReader;


/* persona-host: hands a string chunk to the parser LOAD_PIECE bytes at a time */
static const char *string_reader (lua_State *L, void *ud, size_t *size) {
  StringReader *r = (StringReader *)ud;
  const char *piece = r->s;
  if (r->size == 0) return NULL;
  *size = r->size < LOAD_PIECE ? r->size : LOAD_PIECE;
  r->s += *size;
  r->size -= *size;
  clua_charge(L, (long long)*size);  /* one instruction per byte */
  return piece;
}


/* Lua's 'luaB_load', but a string chunk goes through 'string_reader' (persona-host) */
int lsb_load (lua_State *L) {
  int status;
  size_t l;
  const char *s = lua_tolstring(L, 1, &l);
  const char *mode = luaL_optstring(L, 3, "bt");
  int env = (!lua_isnone(L, 4) ? 4 : 0);  /* 'env' index or 0 if no 'env' */
  if (s != NULL) {  /* loading a string? */
    const char *chunkname = luaL_optstring(L, 2, s);
    StringReader r;  /* persona-host: instead of luaL_loadbufferx */
    r.s = s;
    r.size = l;
    status = lua_load(L, string_reader, &r, chunkname, mode);
  }
  else {  /* loading from a reader function */
    const char *chunkname = luaL_optstring(L, 2, "=(load)");
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_settop(L, RESERVEDSLOT);  /* create reserved slot */
    status = lua_load(L, generic_reader, NULL, chunkname, mode);
  }
  return load_aux(L, status, env);
}
