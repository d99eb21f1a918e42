import Foundation

extension BenchmarkReport {
  /// The report as JSON: snake_case keys, sorted, indented.
  public func json() throws -> String { try ReportJSON.encode(self) }

  /// The report as aligned tables, one section per workload size.
  public func table() -> String {
    var out = "Pedigree benchmark: \(machine.cores) cores, \(machine.memoryGiB) GiB, \(machine.system), "
    out += "Swift \(machine.swift), SQLite \(machine.sqlite); seed \(seed)\n"
    for scale in scales { out += "\n" + scale.table() }
    return out
  }
}

extension ScaleReport {
  func table() -> String {
    var out = "R = \(Format.count(spec.runs)) runs, \(Format.count(spec.metricPoints)) metric points"
    if let workload {
      out +=
        "; workload \(Format.mebibytes(workload.bytes)) MiB, generated in \(Format.fixed(workload.seconds, 2)) s"
    }
    out += "\n\n"
    let floorRate = floor?.pointsPerSecond
    let pythonRate = pythonFloor?.pointsPerSecond
    var ingest = [
      ["ingest", "points/s", "seconds", "peak MiB", "DB MiB", "vs C floor", "vs executemany"]
    ]
    for (name, figure) in [
      ("floor: Python executemany, row per point", pythonFloor),
      ("floor: C prepared loop, row per point", floor), ("bulk: SQLiteRegistry.recordLines", bulk),
      ("CLI: pedigree run record", cli),
    ] {
      guard let figure else { continue }
      ingest.append([
        name, Format.count(Int(figure.pointsPerSecond.rounded())), Format.fixed(figure.seconds, 2),
        Format.fixed(Double(figure.peakMemoryKiB) / 1024, 1), Format.mebibytes(figure.databaseBytes),
        floorRate.map { Format.fixed(figure.pointsPerSecond / $0, 2) + "x" } ?? "-",
        pythonRate.map { Format.fixed(figure.pointsPerSecond / $0, 2) + "x" } ?? "-",
      ])
    }
    if ingest.count > 1 {
      out += Format.table(ingest) + "\n"
      if floorRates.count > 1 {
        let rounds = [
          ("executemany", pythonFloorRates), ("floor", floorRates), ("bulk", bulkRates), ("CLI", cliRates),
        ].filter { !$0.1.isEmpty }.map { name, rates in
          "\(name) " + rates.map { Format.count(Int($0)) }.joined(separator: ", ")
        }
        out += "  rates of each round (median shown): " + rounds.joined(separator: "; ") + "\n"
      }
      out += "\n"
    }
    if let aliasSeconds {
      out +=
        "alias moves: \(aliasMoves) promotions and rollbacks in \(Format.fixed(aliasSeconds * 1000, 1)) ms\n\n"
    }
    if !queries.isEmpty {
      var rows = [["query (\(querySuite ?? "?"))", "median ms", "p99 ms", "rows"]]
      for query in queries {
        rows.append([
          query.name, Format.fixed(query.medianMilliseconds, 3), Format.fixed(query.p99Milliseconds, 3),
          Format.fixed(query.meanRows, 1),
        ])
      }
      out += Format.table(rows) + "\n\n"
    }
    if !processes.isEmpty {
      var rows = [["whole process", "median ms", "p99 ms", "peak MiB"]]
      for process in processes {
        rows.append([
          process.name, Format.fixed(process.medianMilliseconds, 2),
          Format.fixed(process.p99Milliseconds, 2),
          Format.fixed(Double(process.peakMemoryKiB) / 1024, 1),
        ])
      }
      out += Format.table(rows) + "\n"
      out +=
        "  (a child's peak memory reads no lower than the spawning helper's footprint: see /bin/true)\n\n"
    }
    if let postgres { out += postgresTable(postgres) }
    for line in skipped + (postgres?.skipped ?? []) { out += "not measured: \(line)\n" }
    return out
  }

  /// The PostgreSQL column beside SQLite's figures: ingest, then each query and process by name.
  func postgresTable(_ postgres: PostgresFigures) -> String {
    var out = "PostgreSQL (\(postgres.database)) beside SQLite\n\n"
    var ingest = [["CLI: pedigree run record", "points/s", "seconds", "peak MiB", "DB MiB"]]
    for (name, figure) in [("SQLite", cli), ("PostgreSQL", postgres.cli)] {
      guard let figure else { continue }
      ingest.append([
        name, Format.count(Int(figure.pointsPerSecond.rounded())), Format.fixed(figure.seconds, 2),
        Format.fixed(Double(figure.peakMemoryKiB) / 1024, 1), Format.mebibytes(figure.databaseBytes),
      ])
    }
    out += Format.table(ingest) + "\n"
    if let seconds = postgres.aliasSeconds {
      out += "  alias moves on PostgreSQL: \(aliasMoves) in \(Format.fixed(seconds * 1000, 1)) ms\n"
    }
    out += "\n"
    let sqliteQueries = Dictionary(queries.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    var rows = [["query", "SQLite median ms", "PostgreSQL median ms", "PostgreSQL p99 ms"]]
    for query in postgres.queries {
      rows.append([
        query.name, sqliteQueries[query.name].map { Format.fixed($0.medianMilliseconds, 3) } ?? "-",
        Format.fixed(query.medianMilliseconds, 3), Format.fixed(query.p99Milliseconds, 3),
      ])
    }
    out += Format.table(rows) + "\n\n"
    let sqliteProcesses = Dictionary(processes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    var processRows = [["whole process", "SQLite median ms", "PostgreSQL median ms"]]
    for process in postgres.processes {
      processRows.append([
        process.name, sqliteProcesses[process.name].map { Format.fixed($0.medianMilliseconds, 2) } ?? "-",
        Format.fixed(process.medianMilliseconds, 2),
      ])
    }
    return out + Format.table(processRows) + "\n\n"
  }
}

/// The reports' JSON: snake_case keys, sorted, indented; NaN and ±Infinity as strings.
enum ReportJSON {
  static func encode<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}

/// Number formatting for the tables.
enum Format {
  static func fixed(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
  }

  static func mebibytes(_ bytes: Int64) -> String { fixed(Double(bytes) / 1_048_576, 1) }

  /// An integer with thousands separators: 1,234,567.
  static func count(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
      out.append(digit)
    }
    return (value < 0 ? "-" : "") + out
  }

  /// Aligns rows into columns: the first left-aligned, the others right-aligned; a rule under the
  /// header row.
  static func table(_ rows: [[String]]) -> String {
    let columns = rows.map(\.count).max() ?? 0
    let widths = (0..<columns).map { column in
      rows.map { $0.count > column ? $0[column].count : 0 }.max() ?? 0
    }
    func line(_ row: [String]) -> String {
      row.enumerated().map { column, cell in
        let pad = String(repeating: " ", count: widths[column] - cell.count)
        return column == 0 ? cell + pad : pad + cell
      }.joined(separator: "  ")
    }
    var lines = [line(rows[0]), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
    lines += rows.dropFirst().map(line)
    return lines.joined(separator: "\n")
  }
}
