// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Pedigree",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "pedigree", targets: ["pedigree"]),
    .executable(name: "pedigree-server", targets: ["pedigree-server"]),
    .library(name: "PedigreeCore", targets: ["PedigreeCore"]),
    .library(name: "PedigreeSQLite", targets: ["PedigreeSQLite"]),
    .library(name: "PedigreeQuery", targets: ["PedigreeQuery"]),
    .library(name: "PedigreeOpenLineage", targets: ["PedigreeOpenLineage"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
  ],
  targets: [
    // The C boundary: the system libsqlite3 and a few inline shims. Only PedigreeSQLite (and the
    // benchmark's floor and the migration generator) import it.
    .systemLibrary(
      name: "CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
    ),
    // The domain: refs, names, times, digests, errors, JSON, run-record decoding, the records
    // every backend returns and the storage seam they implement. No SQL, no I/O.
    .target(name: "PedigreeCore", dependencies: ["CSHA256"]),
    // SHA-256 in C (the x86 SHA extensions when present, portable C otherwise): the one hash
    // Pedigree needs, without swift-crypto, whose module brings Foundation and ICU into every start.
    .target(name: "CSHA256"),
    // The SQLite backend: the only holder of SQL for SQLite. Connection, statements, migrations,
    // every write and every read, returning domain values.
    .target(name: "PedigreeSQLite", dependencies: ["CSQLite", "PedigreeCore", "PedigreePostgres"]),
    // libpq, PostgreSQL's client library, loaded with dlopen on first use: building needs no
    // libpq headers and `pedigree` links none (only PedigreePostgres imports it).
    .target(name: "CLibPQ", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
    // The PostgreSQL backend: the only holder of SQL for PostgreSQL. Connection (libpq), error
    // mapping, migrations and the registry's schema. Not yet a dependency of `pedigree`.
    .target(name: "PedigreePostgres", dependencies: ["CLibPQ", "PedigreeCore"]),
    // Questions: lineage, impact, audit reports, time travel, diff, search, renderers, composed
    // from the backend's reads.
    .target(name: "PedigreeQuery", dependencies: ["PedigreeCore"]),
    // OpenLineage in and out: RunEvents parsed, validated and mapped to Pedigree's terms, and
    // Pedigree's runs exported as RunEvents (OPENLINEAGE.md). Shared by the CLI and the server.
    .target(name: "PedigreeOpenLineage", dependencies: ["PedigreeCore"]),
    // The command tree; kept in a library so tests can parse commands without a process.
    .target(
      name: "PedigreeCLI",
      dependencies: [
        "PedigreeCore", "PedigreeSQLite", "PedigreeQuery", "PedigreeArtifacts", "PedigreeOpenLineage",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "pedigree", dependencies: ["PedigreeCLI"]),
    // The web UI's pages: XHTML from compiled-in Mustache templates, SVG drawn in Swift, over
    // any RegistryReading; no HTTP here (the server mounts `WebUI.page`).
    .target(
      name: "PedigreeWeb",
      dependencies: ["PedigreeCore", "PedigreeQuery", .product(name: "Mustache", package: "swift-mustache")]
    ),
    // The content-addressed artifact store (`sha256/ab/cdef…` files beside the registry), shared
    // by the CLI and the server.
    .target(name: "PedigreeArtifacts", dependencies: ["PedigreeCore"]),
    // The server: Pedigree's JSON API, MLflow's REST API, OpenLineage and the web UI over one
    // RegistryStore, on Hummingbird. Kept out of `pedigree` so the CLI starts lean.
    // The system zlib, for gzip request bodies (OpenLineage clients' `compression: gzip`).
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
    .target(
      name: "PedigreeServer",
      dependencies: [
        "PedigreeCore", "PedigreeSQLite", "PedigreeQuery", "PedigreeArtifacts", "PedigreeOpenLineage",
        "PedigreeWeb", "CZlib",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
      ]
    ),
    // `pedigree serve` execs this sibling of `pedigree`.
    .executableTarget(name: "pedigree-server", dependencies: ["PedigreeServer"]),
    // The benchmark: a seeded workload generator and the harness that measures it.
    .target(
      name: "PedigreeBench",
      dependencies: ["PedigreeCore", "PedigreeSQLite", "PedigreePostgres", "PedigreeQuery", "CSQLite"]
    ),
    // `swift run -c release pedigree-bench`: runs the benchmark and prints its figures.
    .executableTarget(name: "pedigree-bench", dependencies: ["PedigreeBench"]),
    // `swift run generate-migrations`: compiles migrations/*.sql into PedigreeSQLite and writes
    // schema.sql, the schema they produce.
    .executableTarget(name: "generate-migrations", dependencies: ["CSQLite"]),
    // What every test target shares: one temporary directory helper, one seeded generator, one
    // process runner (posix_spawn, output to files) and `expectError(kind)`.
    .target(
      name: "PedigreeTestSupport", dependencies: ["PedigreeCore"], path: "Tests/PedigreeTestSupport"
    ),
    .testTarget(
      name: "PedigreeSQLiteTests",
      dependencies: [
        "PedigreeCore", "PedigreeSQLite", "PedigreePostgres", "PedigreeQuery", "PedigreeTestSupport",
      ]
    ),
    .testTarget(
      name: "PedigreePostgresTests",
      dependencies: ["PedigreeCore", "PedigreePostgres", "PedigreeSQLite", "PedigreeTestSupport"]
    ),
    .testTarget(
      name: "PedigreeQueryTests",
      dependencies: ["PedigreeQuery", "PedigreeCore", "PedigreeSQLite", "PedigreeTestSupport"]
    ),
    .testTarget(
      name: "PedigreeWebTests",
      dependencies: [
        "PedigreeWeb", "PedigreeQuery", "PedigreeCore", "PedigreeSQLite", "PedigreeTestSupport",
      ],
      exclude: ["Golden"]
    ),
    .testTarget(
      name: "PedigreeBenchTests",
      dependencies: ["PedigreeBench", "PedigreeCore", "PedigreeSQLite", "PedigreeTestSupport"]
    ),
    .testTarget(
      name: "PedigreeOpenLineageTests",
      dependencies: [
        "PedigreeOpenLineage", "PedigreeCore", "PedigreeSQLite", "PedigreeQuery", "PedigreeTestSupport",
      ]
    ),
    .testTarget(
      name: "PedigreeCLITests",
      dependencies: [
        "PedigreeCLI", "PedigreeCore", "PedigreeSQLite", "PedigreePostgres", "PedigreeQuery",
        "PedigreeTestSupport",
      ],
      exclude: ["Snapshots", "Scripts", "Fixtures"]
    ),
    .testTarget(
      name: "PedigreeServerTests",
      dependencies: [
        "PedigreeServer", "PedigreeCore", "PedigreeSQLite", "PedigreePostgres", "PedigreeQuery",
        "PedigreeTestSupport",
      ],
      exclude: ["MLflow/Scripts"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
