// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Pedigree",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "pedigree", targets: ["pedigree"]),
    .library(name: "PedigreeStore", targets: ["PedigreeStore"]),
    .library(name: "PedigreeQuery", targets: ["PedigreeQuery"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    // The C boundary: the system libsqlite3 and a few inline shims. Only PedigreeStore imports it.
    .systemLibrary(
      name: "CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
    ),
    // Persistence: connection, statements, migrations, typed records and every write.
    .target(
      name: "PedigreeStore",
      dependencies: ["CSQLite", .product(name: "Crypto", package: "swift-crypto")]
    ),
    // Questions: lineage, impact, audit reports, time travel, diff, search, renderers.
    .target(name: "PedigreeQuery", dependencies: ["PedigreeStore"]),
    // The command tree; kept in a library so tests can parse commands without a process.
    .target(
      name: "PedigreeCLI",
      dependencies: [
        "PedigreeStore", "PedigreeQuery",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "pedigree", dependencies: ["PedigreeCLI"]),
    // The benchmark: a seeded workload generator and the harness that measures it.
    .target(name: "PedigreeBench", dependencies: ["PedigreeStore", "PedigreeQuery", "CSQLite"]),
    // `swift run -c release pedigree-bench`: runs the benchmark and prints its figures.
    .executableTarget(name: "pedigree-bench", dependencies: ["PedigreeBench"]),
    // `swift run generate-migrations`: compiles migrations/*.sql into PedigreeStore and writes
    // schema.sql, the schema they produce.
    .executableTarget(name: "generate-migrations", dependencies: ["CSQLite"]),
    .testTarget(name: "PedigreeStoreTests", dependencies: ["PedigreeStore"]),
    .testTarget(name: "PedigreeQueryTests", dependencies: ["PedigreeQuery", "PedigreeStore"]),
    .testTarget(name: "PedigreeBenchTests", dependencies: ["PedigreeBench", "PedigreeStore"]),
    .testTarget(
      name: "PedigreeCLITests",
      dependencies: ["PedigreeCLI", "PedigreeStore", "PedigreeQuery"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
