import Foundation
import PedigreeCore
import PedigreePostgres
import PedigreeSQLite

/// The benchmark's PostgreSQL column: the same workload through `pedigree run record` into a
/// PostgreSQL registry, the same alias moves, the same queries and the same whole-process
/// commands, side by side with SQLite's figures in one run (`--postgresql URL`).
public struct PostgresFigures: Sendable, Codable {
  /// The database, its password hidden.
  public var database: String
  public var cli: IngestFigure?
  public var aliasSeconds: Double?
  public var queries: [LatencyFigure] = []
  public var processes: [ProcessFigure] = []
  public var skipped: [String] = []
}

extension Benchmark {
  /// Measures the PostgreSQL column at `url`, a database the benchmark owns: it is emptied
  /// (`DROP SCHEMA public CASCADE`) before the ingest.
  func measurePostgres(
    _ workload: Workload, runsFile: String, url: String, pedigree: String?
  ) throws -> PostgresFigures {
    let spec = workload.spec
    var figures = PostgresFigures(database: try PostgresURL(url).redacted)
    guard let pedigree, CLIIngest.unavailableReason(pedigree) == nil else {
      figures.skipped.append("PostgreSQL: no pedigree binary to measure")
      return figures
    }
    options.log("R=\(spec.runs): PostgreSQL: CLI path (pedigree run record)")
    figures.cli = try CLIIngest.measure(pedigree, file: runsFile, path: url, spec: spec, helper: helper)
    options.log("R=\(spec.runs): PostgreSQL: applying the alias moves")
    figures.aliasSeconds = try BulkIngest.applyAliasMoves(workload, path: url)
    options.log("R=\(spec.runs): PostgreSQL: timing queries")
    figures.queries = try Latency.queries(options.querySuite, path: url, iterations: options.queryIterations)
    let context = try QueryContext(try SQLiteRegistry.open(path: url, access: .read))
    for process in ProcessCase.standard(pedigree: pedigree, path: url, models: context.productionModels)
    where process.commandLine.contains("--db") {
      options.log("R=\(spec.runs): PostgreSQL: timing `\(process.commandLine)`")
      switch Latency.process(process, iterations: options.processIterations, helper: helper) {
      case .success(let figure): figures.processes.append(figure)
      case .failure(let problem): figures.skipped.append("PostgreSQL \(process.name): \(problem)")
      }
    }
    return figures
  }
}

/// Empties the PostgreSQL database at `url` for a new registry: its `public` schema dropped with
/// everything in it and created again. Only for databases the benchmark owns.
func emptyPostgresDatabase(_ url: String) throws {
  let database = try Database(postgres: try PostgresURL(url))
  try database.execute("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public")
}

/// The size of the PostgreSQL database at `url` (`pg_database_size`), or 0 when it cannot be read.
func postgresDatabaseBytes(_ url: String) -> Int64 {
  guard let parsed = try? PostgresURL(url), let database = try? Database(postgres: parsed) else { return 0 }
  return (try? database.scalarInt("SELECT pg_database_size(current_database())")) ?? 0
}
