import ArgumentParser
import PedigreeArtifacts
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import", abstract: "Bring history along from another tracker.",
    subcommands: [MLflow.self])

  struct MLflow: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "mlflow",
      abstract: "Import an MLflow tracking database (its SQLite file) and its artifact root.",
      discussion: """
        Reads MLflow 2.0 to 3.17 databases directly (no MLflow needed; the file is opened \
        read-only): experiments, runs under their MLflow ids with params, tags, full metric \
        histories (NaN and ±Infinity exact), dataset inputs (digests kept as mlflow:<hex>), \
        artifact files (copied into the artifact store, $PEDIGREE_ARTIFACTS or <registry>.artifacts), \
        registered model versions and current aliases. Each run arrives whole or not at all, so an \
        interrupted import is simply run again; a second import adds nothing. Names Pedigree \
        refuses are mapped (spaces and slashes become '-') and the original kept in a tag.

        Exit 0 also when some things were skipped: each is listed with its MLflow id and the reason. \
        65 when PATH is not an MLflow database, 74 when it cannot be read, 78 for an MLflow schema \
        this pedigree does not know.

        Example: pedigree import mlflow mlflow.db --artifacts ./mlruns
        """)

    @Argument(help: "MLflow's SQLite tracking database (mlflow.db).") var path: String
    @Option(
      help:
        "MLflow's artifact root (DIR/<experiment id>/<run id>/artifacts). Default: where MLflow recorded each run's artifacts."
    ) var artifacts: String?
    @OptionGroup var db: RegistryOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let source = try MLflowDatabase(path: path)
        let writer = try db.writer(as: actor.author())
        let registry = writer.registry
        let importer = MLflowImporter(
          source: source, sourcePath: path, artifactRoot: artifacts,
          artifacts: StoreIngest(store: artifactStore(registry: db.path)), reader: registry,
          writer: { registry.writing(as: $0) }, author: writer.author)
        let progress = ImportProgressLine(enabled: Output.stderrIsTerminal && !output.json)
        let report = try importer.run(progress: progress.update)
        progress.finish()
        output.emit(report, text: report.text)
      }
    }
  }
}

/// The registry's artifact store: `$PEDIGREE_ARTIFACTS`, else `<registry>.artifacts`.
func artifactStore(registry path: String) -> ArtifactStore {
  if let root = ProcessInfo.processInfo.environment["PEDIGREE_ARTIFACTS"], !root.isEmpty {
    return ArtifactStore(root: root)
  }
  return ArtifactStore.beside(registry: path)
}

/// The importer's artifacts go into the content-addressed store.
struct StoreIngest: ArtifactIngesting {
  let store: ArtifactStore

  func ingest(fileAt path: String) throws(PedigreeError) -> (digest: String, size: Int64) {
    let stored = try store.store(fileAt: path)
    return (stored.digest, stored.size)
  }

  func ingest(bytes: [UInt8]) throws(PedigreeError) -> (digest: String, size: Int64) {
    let upload = try store.begin()
    try upload.append(bytes)
    let stored = try upload.commit()
    return (stored.digest, stored.size)
  }
}

/// `runs 120/1000  points 120000/1000000  (350 runs/s, 350000 points/s)` on a terminal's stderr,
/// redrawn at most ten times a second.
final class ImportProgressLine {
  let enabled: Bool
  private let started = ContinuousClock.now
  private var drawn = ContinuousClock.now
  private var shown = false

  init(enabled: Bool) { self.enabled = enabled }

  func update(_ progress: MLflowImportProgress) {
    guard enabled, ContinuousClock.now - drawn > .milliseconds(100) || progress.runs == progress.totalRuns
    else { return }
    drawn = .now
    let elapsed = max(
      Double((ContinuousClock.now - started).components.attoseconds) / 1e18
        + Double((ContinuousClock.now - started).components.seconds), 0.001)
    Output.write(
      "\rimporting: runs \(progress.runs)/\(progress.totalRuns), points \(progress.points)/\(progress.totalPoints)"
        + " (\(Int(Double(progress.runs) / elapsed)) runs/s, \(Int(Double(progress.points) / elapsed)) points/s)",
      to: .standardError)
    shown = true
  }

  func finish() { if shown { Output.write("\r\u{1B}[K", to: .standardError) } }
}

extension MLflowImportReport {
  /// A count table per kind, then each skipped thing with its MLflow id and reason.
  var text: String {
    var table = TextTable(
      ["", "imported", "already present", "skipped"], alignments: [.left, .right, .right, .right])
    for kind in Self.kinds {
      table.append([
        kind.replacing("_", with: " "), "\(imported[kind] ?? 0)",
        "\(alreadyPresent[kind] ?? 0)",
        "\(skipped.filter { $0.kind == kind }.count)",
      ])
    }
    let headline =
      changed
      ? "imported \(source) (MLflow schema \(revision))"
      : "nothing new: everything importable in \(source) was already imported"
    var lines = [headline, table.rendered()]
    if !skipped.isEmpty {
      lines.append("skipped:")
      lines += skipped.map {
        "  \($0.kind.replacing("_", with: " ")) \($0.mlflowID): \($0.reason)"
      }
    }
    return lines.joined(separator: "\n")
  }
}
