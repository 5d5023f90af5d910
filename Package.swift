// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Concord",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "concord", targets: ["concord"])
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        .target(
            name: "ConcordCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "ConcordStore",
            dependencies: [
                "ConcordCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ]
        ),
        .target(name: "ConcordNotifications", dependencies: ["ConcordCore", "ConcordStore", "ConcordMail"]),
        .target(name: "ConcordDemo", dependencies: ["ConcordCore", "ConcordStore"]),
        .target(
            name: "ConcordWeb",
            dependencies: [
                "ConcordCore",
                "ConcordStore",
                "ConcordDemo",
                "ConcordNotifications",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "ConcordCLI",
            dependencies: [
                "ConcordCore",
                "ConcordStore",
                "ConcordWeb",
                "ConcordMail",
                "ConcordNotifications",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "concord", dependencies: ["ConcordCLI"]),
        .target(
            name: "ConcordMail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .executableTarget(
            name: "concord-benchmarks",
            dependencies: [
                "ConcordCore", "ConcordStore",
                .product(name: "FluentKit", package: "fluent-kit"),
            ],
            path: "Benchmarks/concord-benchmarks"
        ),
        // A real SMTP server (aiosmtpd) and Python's mail parser, for the tests that send mail.
        .target(name: "MailTestSupport", path: "Tests/MailTestSupport", exclude: ["smtp_sink.py"]),
        // The protocols the built-in policies quote, wherever they are kept.
        .target(name: "SeedTexts", path: "Tests/SeedTexts"),
        // A fresh SQLite or PostgreSQL database, for the suites outside the store's own.
        .target(name: "DatabaseTestSupport", dependencies: ["ConcordStore"], path: "Tests/DatabaseTestSupport"),
        .testTarget(
            name: "ConcordNotificationsTests",
            dependencies: [
                "ConcordCore", "ConcordStore", "ConcordMail", "ConcordNotifications", "MailTestSupport",
                "DatabaseTestSupport",
            ]
        ),
        .testTarget(name: "ConcordCoreTests", dependencies: ["ConcordCore", "SeedTexts"]),
        .testTarget(name: "ConcordMailTests", dependencies: ["ConcordMail", "MailTestSupport"]),
        .testTarget(name: "ConcordStoreTests", dependencies: ["ConcordCore", "ConcordStore", "DatabaseTestSupport"]),
        .testTarget(
            name: "ConcordCLITests",
            dependencies: [
                "ConcordCore", "ConcordStore", "ConcordCLI", "concord", "MailTestSupport", "DatabaseTestSupport",
                "SeedTexts",
            ]
        ),
        .testTarget(
            name: "ConcordDemoTests",
            dependencies: ["ConcordCore", "ConcordStore", "ConcordDemo", "DatabaseTestSupport"]
        ),
        .testTarget(
            name: "ConcordWebTests",
            dependencies: [
                "ConcordCore", "ConcordStore", "ConcordWeb", "ConcordMail", "ConcordNotifications", "SeedTexts",
                "DatabaseTestSupport", .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
