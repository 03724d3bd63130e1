// swift-tools-version:6.0
import PackageDescription

// The layout tells the architecture: CLua (Debian's Lua) → LuaBridge (the only Swift that
// touches the C API, and the sandbox) → Plugins (finding, loading and validating plugins into
// typed specs) → Host (the pipelines) → persona-host (the command line). Builtins is plain
// Swift with no Lua in it: storage, clustering, formulation, learning, text.
let package = Package(
    name: "persona-host",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "persona-host", targets: ["persona-host"]),
        .library(name: "Host", targets: ["Host"]),
        .library(name: "Plugins", targets: ["Plugins"]),
        .library(name: "LuaBridge", targets: ["LuaBridge"]),
        .library(name: "Builtins", targets: ["Builtins"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // The CLI's config file (persona-host.toml).
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // `persona-host serve`: the HTTP service over the same pipelines.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
    ],
    targets: [
        // Debian's liblua5.4-dev, wrapped: module map plus a shim of static inline helpers.
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        // Debian's zlib1g-dev: gzip in and out for the dataset commands.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Debian's libpcre2-dev: the regular expressions of tagging rules (JIT-compiled).
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        // JPEG and PNG decoding for the photo measures (Debian's libjpeg-turbo and libpng); the
        // libraries' longjmp error handling stays inside this C target.
        .target(
            name: "PhotoDecode",
            linkerSettings: [.linkedLibrary("jpeg"), .linkedLibrary("png16")]
        ),
        // Face detection for the photo measures: OpenCV's Haar cascade (Debian's libopencv-*-dev
        // and opencv-data) behind a C interface; C++ exceptions stay inside this target.
        .target(
            name: "FaceDetect",
            cxxSettings: [.unsafeFlags(["-I/usr/include/opencv4"])],
            linkerSettings: [.linkedLibrary("opencv_core"), .linkedLibrary("opencv_imgproc"), .linkedLibrary("opencv_objdetect")]
        ),
        // Storage, clustering, scoring, learning, text and dataset primitives: plain Swift, no Lua.
        .target(
            name: "Builtins",
            dependencies: ["CZlib", "CPCRE2", "PhotoDecode", "FaceDetect", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Bounded copies of the Lua library functions that loop in C (the string, table and utf8
        // libraries, load, tonumber, os.date): they charge their work to the sandbox's budgets.
        .target(name: "LuaSandboxC", dependencies: ["CLua"]),
        // The Lua bridge: the only Swift module that imports CLua. One budgeted lua_State per
        // runtime, values across the boundary, and the sandbox plugins run in. Its Lua halves
        // (the sandbox prelude and the formula tracer) are .lua files embedded at build time.
        .target(
            name: "LuaBridge",
            dependencies: ["CLua", "LuaSandboxC", "Builtins"],
            resources: [.embedInCode("Lua/sandbox.lua"), .embedInCode("Lua/tracer.lua")]
        ),
        // Plugins: discovery, loading, the host API, and the plugin contract read into typed specs.
        .target(
            name: "Plugins",
            dependencies: ["LuaBridge", "Builtins", .product(name: "Logging", package: "swift-log")]
        ),
        // The pipelines (goal, formulate, learning), consuming plugin specs.
        .target(
            name: "Host",
            dependencies: ["Plugins", "LuaBridge", "Builtins", .product(name: "Logging", package: "swift-log")]
        ),
        // The `persona-host` command line: argument parsing and printing only.
        .executableTarget(
            name: "persona-host",
            dependencies: [
                "Host", "Plugins", "LuaBridge", "Builtins",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            resources: [.embedInCode("Serve/openapi.json")]
        ),
        // The C floor the benchmark compares a Swift hook call against.
        .target(name: "BenchFloor", dependencies: ["CLua"]),
        // `make bench`: release-build micro and macro benchmarks.
        .executableTarget(name: "persona-bench", dependencies: ["Host", "Plugins", "LuaBridge", "Builtins", "BenchFloor"],
                          path: "Sources/Bench"),
        // Helpers the test targets share (fixtures, temporary folders, sandboxes, the CLI runner).
        .target(name: "TestSupport", dependencies: ["LuaBridge", "Plugins", "Builtins"], path: "Tests/TestSupport"),
        .testTarget(name: "BuiltinsTests", dependencies: ["Builtins", "TestSupport"]),
        .testTarget(name: "LuaBridgeTests", dependencies: ["LuaBridge", "Builtins", "TestSupport"]),
        .testTarget(name: "PluginsTests", dependencies: ["Plugins", "LuaBridge", "Builtins", "TestSupport"]),
        .testTarget(name: "HostTests", dependencies: ["Host", "Plugins", "LuaBridge", "Builtins", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["persona-host", "Builtins", "TestSupport",
                                                   .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
