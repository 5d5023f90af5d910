// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Concord",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "concord", targets: ["concord"])
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        .target(
            name: "ConcordCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "ConcordCLI",
            dependencies: [
                "ConcordCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "concord", dependencies: ["ConcordCLI"]),
        .executableTarget(
            name: "concord-benchmarks",
            dependencies: ["ConcordCore"],
            path: "Benchmarks/concord-benchmarks"
        ),
        .testTarget(name: "ConcordCoreTests", dependencies: ["ConcordCore"]),
        .testTarget(name: "ConcordCLITests", dependencies: ["ConcordCore", "concord"]),
    ],
    swiftLanguageModes: [.v6]
)
