// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "persona-host",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "persona-host", targets: ["persona-host"]),
        .library(name: "Host", targets: ["Host"]),
        .library(name: "Builtins", targets: ["Builtins"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // Debian's liblua5.4-dev, wrapped: module map plus a shim of static inline helpers.
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        // Storage, clustering, scoring and text primitives: plain Swift, no Lua.
        .target(
            name: "Builtins",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The sandboxed Lua runtime, the plugin loader and the pipelines.
        .target(
            name: "Host",
            dependencies: [
                "CLua",
                "Builtins",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The `persona-host` command line: argument parsing and printing only.
        .executableTarget(
            name: "persona-host",
            dependencies: [
                "Host",
                "Builtins",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The C floor the benchmark compares a Swift hook call against.
        .target(name: "BenchFloor", dependencies: ["CLua"]),
        // `make bench`: release-build micro and macro benchmarks.
        .executableTarget(name: "persona-bench", dependencies: ["Host", "Builtins", "BenchFloor"], path: "Sources/Bench"),
        .testTarget(
            name: "BuiltinsTests",
            dependencies: ["Builtins"]
        ),
        .testTarget(
            name: "HostTests",
            dependencies: ["Host", "Builtins", "persona-host"]
        ),
    ]
)
