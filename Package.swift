// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "artel",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "artel", targets: ["artel"]),
        .executable(name: "artel-conformance", targets: ["artel-conformance"]),
        .library(name: "ArtelCore", targets: ["ArtelCore"]),
        .library(name: "ArtelStore", targets: ["ArtelStore"]),
        .library(name: "ArtelSync", targets: ["ArtelSync"]),
        .library(name: "ArtelFormats", targets: ["ArtelFormats"]),
        .library(name: "ArtelNode", targets: ["ArtelNode"]),
        .library(name: "ArtelAPI", targets: ["ArtelAPI"]),
        .library(name: "ArtelWeb", targets: ["ArtelWeb"]),
        .library(name: "ArtelImports", targets: ["ArtelImports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-async-algorithms.git", from: "1.1.4"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]
        ),
        .systemLibrary(
            name: "CSQLiteConfig",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "CSearchTokenizer",
            dependencies: ["CSQLiteConfig"]
        ),
        .target(
            name: "ArtelCore",
            dependencies: ["CSodium"]
        ),
        .target(
            name: "ArtelStore",
            dependencies: [
                "ArtelCore",
                "CSQLiteConfig",
                "CSearchTokenizer",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ArtelFormats",
            dependencies: ["ArtelCore"]
        ),
        .target(
            name: "ArtelImports",
            dependencies: ["ArtelCore", "ArtelFormats", "ArtelStore"]
        ),
        .target(
            name: "ArtelSync",
            dependencies: ["ArtelCore", "CSodium"]
        ),
        .target(
            name: "ArtelNode",
            dependencies: [
                "ArtelCore",
                "ArtelStore",
                "ArtelSync",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "ArtelWeb",
            dependencies: [
                "ArtelCore",
                "ArtelStore",
                "ArtelFormats",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "ArtelAPI",
            dependencies: [
                "ArtelCore",
                "ArtelStore",
                "ArtelFormats",
                "ArtelNode",
                "ArtelWeb",
                "ArtelImports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ]
        ),
        .executableTarget(
            name: "artel",
            dependencies: [
                "ArtelCore",
                "ArtelFormats",
                "ArtelImports",
                "ArtelStore",
                "ArtelSync",
                "ArtelNode",
                "ArtelAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            // gperftools' TCMalloc in place of glibc's malloc (Debian's libgoogle-perftools-dev). An
            // import allocates a batch's strings and tables on every core and frees them on another
            // thread; glibc's per-thread arenas then give the pages back and fault them in again
            // for the next batch. TCMalloc keeps them: importing 100 000 hh.ru vacancies takes 5–7%
            // less CPU and a third less memory (BENCHMARKS.md, eleventh session).
            linkerSettings: [.linkedLibrary("tcmalloc_minimal")]
        ),
        .executableTarget(
            name: "artel-conformance",
            dependencies: ["ArtelCore", "ArtelSync"]
        ),
        .target(
            name: "ArtelTestKit",
            dependencies: [
                "ArtelCore",
                "ArtelStore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            path: "Tests/ArtelTestKit"
        ),
        .testTarget(
            name: "ArtelCoreTests",
            dependencies: [
                "ArtelCore",
                "ArtelTestKit",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ArtelStoreTests",
            dependencies: [
                "ArtelCore",
                "ArtelStore",
                "ArtelTestKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ArtelFormatsTests",
            dependencies: [
                "ArtelCore",
                "ArtelFormats",
                "ArtelTestKit",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ArtelSyncTests",
            dependencies: ["ArtelCore", "ArtelSync", "CSodium", "ArtelTestKit", "artel-conformance"]
        ),
        .testTarget(
            name: "ArtelNodeTests",
            dependencies: [
                "ArtelCore", "ArtelStore", "ArtelSync", "ArtelNode", "ArtelTestKit", "artel",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "ArtelWebTests",
            dependencies: ["ArtelCore", "ArtelStore", "ArtelFormats", "ArtelWeb", "ArtelTestKit"]
        ),
        .testTarget(
            name: "ArtelCLITests",
            dependencies: [
                "ArtelCore", "ArtelStore", "ArtelTestKit", "artel", .product(name: "GRDB", package: "GRDB.swift"),
                "ArtelAPI", "ArtelNode", .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
    ]
)

for target in package.targets where [.executable, .test, .regular].contains(target.type) {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    settings.append(.enableUpcomingFeature("NonisolatedNonsendingByDefault"))
    settings.append(.unsafeFlags(["-Xfrontend", "-require-explicit-sendable"]))
    settings.append(.treatAllWarnings(as: .error))
    target.swiftSettings = settings
}
