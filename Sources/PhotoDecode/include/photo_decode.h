// Decoding JPEG (libjpeg-turbo) and PNG (libpng) into 8-bit RGB, for the photo measures.
// Both libraries report errors by longjmp; the jumps happen here, in C, and never cross a
// Swift frame: every function returns a status and writes a message instead.
#ifndef PHOTO_DECODE_H
#define PHOTO_DECODE_H
#include <stddef.h>

typedef struct {
    int width;
    int height;
    unsigned char *pixels; // width * height * 3 bytes, RGB; free with photo_free
} photo_image;

// 0 on success; otherwise -1 with a message in `error` (at most `error_size` bytes).
int photo_decode_jpeg(const unsigned char *data, size_t size, photo_image *out, char *error, size_t error_size);
int photo_decode_png(const unsigned char *data, size_t size, photo_image *out, char *error, size_t error_size);
void photo_free(photo_image *image);

// Encodes RGB pixels as JPEG (`quality` 1–100) into a buffer the caller frees with free().
int photo_encode_jpeg(const unsigned char *pixels, int width, int height, int quality,
                      unsigned char **data, unsigned long *size, char *error, size_t error_size);

// Encodes RGB pixels as 8-bit PNG into a buffer the caller frees with free().
int photo_encode_png(const unsigned char *pixels, int width, int height,
                     unsigned char **data, size_t *size, char *error, size_t error_size);

#endif
