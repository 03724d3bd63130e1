#include "face_detect.h"
#include <algorithm>
#include <cstdio>
#include <exception>
#include <vector>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

struct face_detector {
    cv::CascadeClassifier cascade;
};

static void set_error(char *error, size_t size, const char *what) { std::snprintf(error, size, "%s", what); }

extern "C" face_detector *face_detector_open(const char *path, char *error, size_t error_size) {
    try {
        auto *detector = new face_detector();
        if (!detector->cascade.load(path)) {
            delete detector;
            std::snprintf(error, error_size, "cannot load the face cascade %s (is opencv-data installed?)", path);
            return nullptr;
        }
        return detector;
    } catch (const std::exception &e) {
        set_error(error, error_size, e.what());
        return nullptr;
    } catch (...) {
        set_error(error, error_size, "unknown error loading the face cascade");
        return nullptr;
    }
}

extern "C" void face_detector_close(face_detector *detector) { delete detector; }

extern "C" int face_detector_run(face_detector *detector, const unsigned char *rgb, int width, int height,
                                 face_box *boxes, int capacity, char *error, size_t error_size) {
    try {
        cv::Mat color(height, width, CV_8UC3, const_cast<unsigned char *>(rgb));
        cv::Mat gray;
        cv::cvtColor(color, gray, cv::COLOR_RGB2GRAY);
        // Work on at most 640 pixels across: faces that matter for a portrait are large.
        double scale = width > 640 ? 640.0 / width : 1.0;
        cv::Mat small;
        if (scale < 1.0) cv::resize(gray, small, cv::Size(), scale, scale, cv::INTER_AREA); else small = gray;
        cv::equalizeHist(small, small);
        std::vector<cv::Rect> found;
        int minimum = std::max(24, std::min(small.cols, small.rows) / 10);
        detector->cascade.detectMultiScale(small, found, 1.1, 5, 0, cv::Size(minimum, minimum));
        std::sort(found.begin(), found.end(), [](const cv::Rect &a, const cv::Rect &b) { return a.area() > b.area(); });
        int n = static_cast<int>(found.size());
        for (int i = 0; i < n && i < capacity; i++) {
            boxes[i].x = static_cast<int>(found[i].x / scale);
            boxes[i].y = static_cast<int>(found[i].y / scale);
            boxes[i].width = static_cast<int>(found[i].width / scale);
            boxes[i].height = static_cast<int>(found[i].height / scale);
        }
        return n;
    } catch (const std::exception &e) {
        set_error(error, error_size, e.what());
        return -1;
    } catch (...) {
        set_error(error, error_size, "unknown error detecting faces");
        return -1;
    }
}
