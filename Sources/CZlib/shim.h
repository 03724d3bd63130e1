// zlib (Debian's zlib1g-dev): gzip reading for `dataset` inputs and gzip writing for
// `dataset generate`. Swift cannot call the inflateInit2/deflateInit2 macros, so these wrap them.
#include <zlib.h>

static inline int czlib_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 32); // 32: detect gzip or zlib headers
}

static inline int czlib_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY); // 16: gzip wrapper
}
