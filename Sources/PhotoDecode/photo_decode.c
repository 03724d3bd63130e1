#include "photo_decode.h"
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>
#include <png.h>

// Largest image decoded: 40 megapixels (a phone photo is about 12).
#define PHOTO_MAX_PIXELS (40L * 1000 * 1000)

// ---- JPEG ----------------------------------------------------------------------------------

typedef struct {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    char *error;
    size_t error_size;
} jpeg_failure;

static void jpeg_fail(j_common_ptr info) {
    jpeg_failure *failure = (jpeg_failure *)info->err;
    char message[JMSG_LENGTH_MAX];
    info->err->format_message(info, message);
    snprintf(failure->error, failure->error_size, "JPEG: %s", message);
    longjmp(failure->jump, 1);
}

// Warnings are counted (a cut-short file is one), never printed.
static void jpeg_quiet(j_common_ptr info, int level) {
    if (level < 0) info->err->num_warnings++;
}

int photo_decode_jpeg(const unsigned char *data, size_t size, photo_image *out, char *error, size_t error_size) {
    struct jpeg_decompress_struct info;
    jpeg_failure failure;
    // volatile: read after a longjmp.
    unsigned char *volatile pixels = NULL;
    out->pixels = NULL;
    info.err = jpeg_std_error(&failure.base);
    failure.base.error_exit = jpeg_fail;
    failure.base.emit_message = jpeg_quiet;
    failure.error = error;
    failure.error_size = error_size;
    if (setjmp(failure.jump)) {
        jpeg_destroy_decompress(&info);
        free(pixels);
        return -1;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, data, (unsigned long)size);
    jpeg_read_header(&info, TRUE);
    info.out_color_space = JCS_RGB;
    jpeg_start_decompress(&info);
    if ((long)info.output_width * info.output_height > PHOTO_MAX_PIXELS) {
        snprintf(error, error_size, "JPEG: %ux%u is more than 40 megapixels", info.output_width, info.output_height);
        jpeg_destroy_decompress(&info);
        return -1;
    }
    size_t stride = (size_t)info.output_width * 3;
    pixels = malloc(stride * info.output_height);
    if (!pixels) {
        snprintf(error, error_size, "JPEG: out of memory");
        jpeg_destroy_decompress(&info);
        return -1;
    }
    while (info.output_scanline < info.output_height) {
        JSAMPROW row = pixels + stride * info.output_scanline;
        jpeg_read_scanlines(&info, &row, 1);
    }
    // A truncated file: libjpeg pads it with gray and warns; say so rather than measure padding.
    if (info.err->num_warnings > 0) {
        snprintf(error, error_size, "JPEG: the data is damaged or cut short");
        jpeg_destroy_decompress(&info);
        free(pixels);
        return -1;
    }
    jpeg_finish_decompress(&info);
    out->width = (int)info.output_width;
    out->height = (int)info.output_height;
    out->pixels = pixels;
    jpeg_destroy_decompress(&info);
    return 0;
}

int photo_encode_jpeg(const unsigned char *pixels, int width, int height, int quality,
                      unsigned char **data, unsigned long *size, char *error, size_t error_size) {
    struct jpeg_compress_struct info;
    jpeg_failure failure;
    *data = NULL;
    *size = 0;
    info.err = jpeg_std_error(&failure.base);
    failure.base.error_exit = jpeg_fail;
    failure.base.emit_message = jpeg_quiet;
    failure.error = error;
    failure.error_size = error_size;
    if (setjmp(failure.jump)) {
        jpeg_destroy_compress(&info);
        free(*data);
        *data = NULL;
        return -1;
    }
    jpeg_create_compress(&info);
    jpeg_mem_dest(&info, data, size);
    info.image_width = (JDIMENSION)width;
    info.image_height = (JDIMENSION)height;
    info.input_components = 3;
    info.in_color_space = JCS_RGB;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, quality, TRUE);
    jpeg_start_compress(&info, TRUE);
    while (info.next_scanline < info.image_height) {
        JSAMPROW row = (JSAMPROW)(pixels + (size_t)info.next_scanline * width * 3);
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    return 0;
}

// ---- PNG -----------------------------------------------------------------------------------

typedef struct {
    const unsigned char *data;
    size_t size;
    size_t offset;
} png_source;

typedef struct {
    char *error;
    size_t error_size;
} png_failure;

static void png_read_memory(png_structp png, png_bytep into, png_size_t count) {
    png_source *source = (png_source *)png_get_io_ptr(png);
    if (source->offset + count > source->size) png_error(png, "the data is cut short");
    memcpy(into, source->data + source->offset, count);
    source->offset += count;
}

static void png_fail(png_structp png, png_const_charp message) {
    png_failure *failure = (png_failure *)png_get_error_ptr(png);
    snprintf(failure->error, failure->error_size, "PNG: %s", message);
    png_longjmp(png, 1);
}

static void png_quiet(png_structp png, png_const_charp message) { (void)png; (void)message; }

int photo_decode_png(const unsigned char *data, size_t size, photo_image *out, char *error, size_t error_size) {
    out->pixels = NULL;
    if (size < 8 || png_sig_cmp(data, 0, 8) != 0) {
        snprintf(error, error_size, "PNG: not a PNG file");
        return -1;
    }
    png_failure failure = { error, error_size };
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &failure, png_fail, png_quiet);
    if (!png) { snprintf(error, error_size, "PNG: out of memory"); return -1; }
    png_infop info = png_create_info_struct(png);
    unsigned char *volatile pixels = NULL;
    png_bytep *volatile rows = NULL;
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, info ? &info : NULL, NULL);
        free(pixels);
        free(rows);
        if (!info) snprintf(error, error_size, "PNG: out of memory");
        return -1;
    }
    png_source source = { data, size, 0 };
    png_set_read_fn(png, &source, png_read_memory);
    png_read_info(png, info);
    png_uint_32 width = png_get_image_width(png, info), height = png_get_image_height(png, info);
    if ((long)width * height > PHOTO_MAX_PIXELS) png_error(png, "more than 40 megapixels");
    // Any PNG to 8-bit RGB: palette expanded, gray to RGB, 16-bit stripped, alpha dropped.
    png_set_expand(png);
    png_set_strip_16(png);
    png_set_gray_to_rgb(png);
    png_set_strip_alpha(png);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    if (png_get_rowbytes(png, info) != (size_t)width * 3) png_error(png, "unexpected pixel layout");
    pixels = malloc((size_t)width * height * 3);
    rows = malloc(sizeof(png_bytep) * height);
    if (!pixels || !rows) png_error(png, "out of memory");
    for (png_uint_32 y = 0; y < height; y++) rows[y] = pixels + (size_t)y * width * 3;
    png_read_image(png, rows);
    png_read_end(png, NULL);
    free(rows);
    png_destroy_read_struct(&png, &info, NULL);
    out->width = (int)width;
    out->height = (int)height;
    out->pixels = pixels;
    return 0;
}

int photo_encode_png(const unsigned char *pixels, int width, int height,
                     unsigned char **data, size_t *size, char *error, size_t error_size) {
    // libpng's simplified API: no longjmp reaches here; a first call sizes the buffer.
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = (png_uint_32)width;
    image.height = (png_uint_32)height;
    image.format = PNG_FORMAT_RGB;
    *data = NULL;
    *size = 0;
    png_alloc_size_t needed = 0;
    if (!png_image_write_to_memory(&image, NULL, &needed, 0, pixels, 0, NULL) || needed == 0) {
        snprintf(error, error_size, "PNG: %s", image.message);
        png_image_free(&image);
        return -1;
    }
    unsigned char *buffer = malloc(needed);
    if (!buffer) { snprintf(error, error_size, "PNG: out of memory"); png_image_free(&image); return -1; }
    if (!png_image_write_to_memory(&image, buffer, &needed, 0, pixels, 0, NULL)) {
        snprintf(error, error_size, "PNG: %s", image.message);
        png_image_free(&image);
        free(buffer);
        return -1;
    }
    *data = buffer;
    *size = (size_t)needed;
    return 0;
}

void photo_free(photo_image *image) {
    free(image->pixels);
    image->pixels = NULL;
}

