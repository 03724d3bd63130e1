// Face detection with OpenCV's Haar cascade (Debian's opencv-data), behind a C interface so
// Swift never sees C++ types or exceptions: every call returns a status and a message.
#ifndef FACE_DETECT_H
#define FACE_DETECT_H
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct face_detector face_detector;

typedef struct {
    int x, y, width, height;
} face_box;

// Loads the cascade at `path`; NULL with a message when it cannot.
face_detector *face_detector_open(const char *path, char *error, size_t error_size);
void face_detector_close(face_detector *detector);

// Detects frontal faces in 8-bit RGB pixels. Writes at most `capacity` boxes (largest first)
// and returns how many faces were found (which may exceed `capacity`), or -1 with a message.
int face_detector_run(face_detector *detector, const unsigned char *rgb, int width, int height,
                      face_box *boxes, int capacity, char *error, size_t error_size);

#ifdef __cplusplus
}
#endif
#endif
