// swift-tools-version: 6.1
import PackageDescription

/// Settings every target of ours shares: Swift 6 mode with strict concurrency, and `any` spelled out.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "VolunteerDirectory",
    platforms: [.macOS(.v15)],  // Mutex (Synchronization) needs macOS 15
    products: [
        .executable(name: "voldir", targets: ["voldir"]),
        .library(name: "VolunteerDirectory", targets: ["VolunteerDirectory"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The web app: the HTTP server, bcrypt for passwords, multipart form uploads.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // The shared deployment: PostgreSQL through postgres-nio, TLS through NIOSSL.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // Tests only: property-based tests that feed the parsers and the matcher random input.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // MARK: Core

        /// The model, normalisation, the language catalogue, the skills taxonomy, the importer plugin
        /// interface, the store interface, search and matching. Imports no storage engine and no plugin.
        .target(
            name: "VolunteerDirectory",
            dependencies: [.product(name: "Crypto", package: "swift-crypto"), .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/skills-taxonomy.yaml")],
            swiftSettings: swiftSettings
        ),

        /// The embedded SQLite store (GRDB, WAL, FTS5) behind the core's `DirectoryStore` interface.
        .target(
            name: "VolunteerDirectorySQLite",
            dependencies: [
                "VolunteerDirectory",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),

        /// The directory in plain Swift collections: the reference store the contract tests check
        /// every other store against, and a fast store for tests. Depends on the core only.
        .target(
            name: "VolunteerDirectoryMemory",
            dependencies: ["VolunteerDirectory"],
            swiftSettings: swiftSettings
        ),

        /// The shared deployment's store: PostgreSQL (15 and later) through postgres-nio, behind the
        /// same interfaces as the SQLite store. Chosen by a `postgres://` `--db` value.
        .target(
            name: "VolunteerDirectoryPostgres",
            dependencies: [
                "VolunteerDirectory",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        /// Realistic, fictional rosters, needs and Sector 3 feeds for demonstrations, benchmarks
        /// and tests (`voldir generate`): outside the core, which has no use for them.
        .target(
            name: "VolunteerDirectoryGeneration",
            dependencies: ["VolunteerDirectory"],
            swiftSettings: swiftSettings
        ),

        // MARK: Importer plugins (directory importers, not SwiftPM package plugins)

        /// What the CSV and workbook plugins share: the roster fields and their header spellings,
        /// the header layout, and reading one row of cells into a volunteer or a need.
        .target(
            name: "RosterRows",
            dependencies: ["VolunteerDirectory"],
            path: "Plugins/RosterRows",
            swiftSettings: swiftSettings
        ),

        .target(
            name: "CSVImporter",
            dependencies: ["VolunteerDirectory", "RosterRows"],
            path: "Plugins/CSVImporter",
            swiftSettings: swiftSettings
        ),

        /// Excel (.xlsx) and LibreOffice (.ods) workbooks: unzipped with ZIPFoundation, each part
        /// streamed through libxml2's reader.
        .target(
            name: "WorkbookImporter",
            dependencies: [
                "VolunteerDirectory", "RosterRows", "XMLStreaming",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Plugins/WorkbookImporter",
            swiftSettings: swiftSettings
        ),

        .target(
            name: "Sector3Importer",
            dependencies: ["VolunteerDirectory", "XMLStreaming"],
            path: "Plugins/Sector3Importer",
            exclude: ["README.md"],
            resources: [.copy("sector3-feed-1.xsd")],
            swiftSettings: swiftSettings
        ),

        /// External importer plugins: finds `voldir-import-NAME` executables and runs them as
        /// child processes speaking protocol 1 (shared/formats/importer-protocol.md).
        .target(
            name: "ExternalImporters",
            dependencies: ["VolunteerDirectory"],
            path: "Plugins/ExternalImporters",
            swiftSettings: swiftSettings
        ),

        /// libxml2 behind a small Swift API (STYLE.md practice 4: the one module that touches it):
        /// the streaming reader with the hardened parse options, trees copied from it, and XML
        /// Schema validation, for the plugins that read XML (the Sector 3 feed, workbooks).
        .target(
            name: "XMLStreaming",
            dependencies: ["CLibXML2"],
            swiftSettings: swiftSettings
        ),

        // MARK: System libraries

        /// libxml2, touched only by XMLStreaming.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),

        // MARK: Web app

        /// `voldir serve`: the coordinators' web app on Hummingbird. Speaks to the directory only
        /// through the core's async interfaces; imports no storage engine and no plugin.
        .target(
            name: "VolunteerDirectoryWeb",
            dependencies: [
                "VolunteerDirectory", "RosterRows",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/app.css"), .copy("Resources/openapi.json")],
            swiftSettings: swiftSettings
        ),

        // MARK: Executables

        .executableTarget(
            name: "voldir",
            dependencies: [
                "VolunteerDirectory",
                "VolunteerDirectoryGeneration",
                "VolunteerDirectorySQLite",
                "VolunteerDirectoryPostgres",
                "VolunteerDirectoryWeb",
                "CSVImporter",
                "Sector3Importer",
                "WorkbookImporter",
                "ExternalImporters",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        /// Benchmarks that print figures (Benchmarks/README.md); never run by `swift test`.
        .executableTarget(
            name: "voldir-benchmarks",
            dependencies: [
                "VolunteerDirectory", "VolunteerDirectoryGeneration", "VolunteerDirectorySQLite",
                "VolunteerDirectoryPostgres",
            ],
            path: "Benchmarks/Sources/voldir-benchmarks",
            swiftSettings: swiftSettings
        ),

        // MARK: Tests

        /// Helpers every test target shares: a temporary directory, a recording sink.
        .target(
            name: "VolunteerDirectoryTestSupport",
            dependencies: ["VolunteerDirectory", "VolunteerDirectorySQLite", "VolunteerDirectoryPostgres"],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),

        .testTarget(
            name: "VolunteerDirectoryTests",
            dependencies: [
                "VolunteerDirectory", "VolunteerDirectoryGeneration",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "VolunteerDirectoryGenerationTests",
            dependencies: [
                "VolunteerDirectoryGeneration", "VolunteerDirectory", "CSVImporter", "Sector3Importer",
                "VolunteerDirectoryTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "VolunteerDirectorySQLiteTests",
            dependencies: [
                "VolunteerDirectory", "VolunteerDirectorySQLite", "VolunteerDirectoryTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CSVImporterTests",
            dependencies: ["CSVImporter", "RosterRows", "VolunteerDirectory", "VolunteerDirectoryTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "Sector3ImporterTests",
            dependencies: ["Sector3Importer", "VolunteerDirectory", "VolunteerDirectoryTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WorkbookImporterTests",
            dependencies: [
                "WorkbookImporter", "VolunteerDirectory", "VolunteerDirectoryTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ExternalImportersTests",
            dependencies: ["ExternalImporters", "VolunteerDirectory", "VolunteerDirectoryTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "VolunteerDirectoryWebTests",
            dependencies: [
                "VolunteerDirectoryWeb", "VolunteerDirectory", "VolunteerDirectorySQLite", "CSVImporter",
                "Sector3Importer", "WorkbookImporter", "VolunteerDirectoryTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        /// The PostgreSQL store's own concerns: its URL, its errors, its migrations (the behaviour it
        /// shares with every store is in the contract suite).
        .testTarget(
            name: "VolunteerDirectoryPostgresTests",
            dependencies: [
                "VolunteerDirectoryPostgres", "VolunteerDirectory", "VolunteerDirectoryTestSupport", "CSVImporter",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        /// The store contract: one set of tests run against every store (in memory, SQLite, and
        /// PostgreSQL when `VOLDIR_TEST_POSTGRES` names a server; a new store joins by adding a
        /// `StoreKind` case).
        .testTarget(
            name: "StoreContractTests",
            dependencies: [
                "VolunteerDirectory", "VolunteerDirectoryMemory", "VolunteerDirectorySQLite",
                "VolunteerDirectoryPostgres", "VolunteerDirectoryGeneration", "VolunteerDirectoryTestSupport",
                "CSVImporter", "Sector3Importer", "WorkbookImporter",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "voldirTests",
            dependencies: ["voldir", "VolunteerDirectoryTestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
