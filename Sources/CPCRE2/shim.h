// PCRE2 (Debian's libpcre2-dev), 8-bit code units: the `pattern` conditions of tagging rules.
// Swift calls the *_8 functions directly (pcre2.h names them through function-like macros).
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
