import PedigreeCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// How far an import has got, for a progress line.
public struct MLflowImportProgress: Sendable {
  public var runs: Int
  public var totalRuns: Int
  public var points: Int
  public var totalPoints: Int
}

/// `pedigree import mlflow`: reads an MLflow tracking database (any `MLflowTrackingSource`) and
/// writes what it holds through `RegistryWriting`, the same writes the CLI makes.
///
/// - Each run is one `run record` under MLflow's run id, so it arrives whole or not at all, and
///   importing it again is a no-op (the same content under the same id) — an import killed
///   mid-way is simply run again. Only one run's history is in memory at a time.
/// - Model versions are registered in MLflow's order at MLflow's creation time; each current
///   alias is one promote event stamped with the registered model's last update time, its reason
///   saying it was imported. An alias Pedigree already has is never moved.
/// - Names Pedigree refuses are mapped (see `MLflowNames`), the original kept in a tag.
public struct MLflowImporter {
  public let source: any MLflowTrackingSource
  /// The MLflow database file, whose directory relative artifact locations are taken from.
  public let sourcePath: String
  /// `--artifacts DIR`: the artifact root to read instead of the runs' recorded locations
  /// (`DIR/<experiment id>/<run id>/artifacts/…`).
  public let artifactRoot: String?
  public let artifacts: any ArtifactIngesting
  public let reader: any RegistryReading
  /// A writer for an author (the importer pins the clock to MLflow's times for versions and aliases).
  public let writer: (Author) -> any RegistryWriting
  public let author: Author

  public init(
    source: any MLflowTrackingSource, sourcePath: String, artifactRoot: String?,
    artifacts: any ArtifactIngesting, reader: any RegistryReading,
    writer: @escaping (Author) -> any RegistryWriting, author: Author
  ) {
    self.source = source
    self.sourcePath = sourcePath
    self.artifactRoot = artifactRoot
    self.artifacts = artifacts
    self.reader = reader
    self.writer = writer
    self.author = author
  }

  /// Imports everything; `progress` is called after each run.
  public func run(progress: (MLflowImportProgress) -> Void = { _ in }) throws(PedigreeError)
    -> MLflowImportReport
  {
    var state = ImportState(report: MLflowImportReport(source: sourcePath, revision: source.revision))
    let experiments = try source.experiments()
    state.experiments = Dictionary(experiments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    state.experimentNames = MLflowNames(experiments.map(\.name), kind: "experiment")
    let totals = try source.counts()
    var done = MLflowImportProgress(runs: 0, totalRuns: totals.runs, points: 0, totalPoints: totals.points)
    let datasetNames = MLflowNames(try source.datasetNames(), kind: "dataset")
    try source.forEachRun { (run) throws(PedigreeError) in
      try importRun(run, &state, datasetNames: datasetNames)
      done.runs += 1
      done.points += run.metrics.count
      progress(done)
    }
    countExperiments(experiments, &state)
    try recordMappedExperimentNames(experiments, state)
    try importModels(&state)
    return state.report
  }

  // MARK: Runs

  private func importRun(_ run: MLflowTracking.Run, _ state: inout ImportState, datasetNames: MLflowNames)
    throws(PedigreeError)
  {
    let experiment = state.experiments[run.experimentID]
    state.runLocations[run.id] = (run.experimentID, run.artifactURI)
    if run.lifecycleStage == "deleted" || experiment?.lifecycleStage == "deleted" {
      state.report.skip("runs", run.id, "deleted in MLflow")
      return
    }
    let experimentName: String
    switch state.experimentNames.name(for: experiment?.name ?? "Default") {
    case .success(let name): experimentName = name
    case .failure(let error):
      state.report.skip("runs", run.id, "its experiment: \(error.message)")
      return
    }
    do {
      let document = try self.document(
        run, experiment: experimentName,
        originalExperiment: state.experimentNames.isMapped(experiment?.name ?? "") ? experiment?.name : nil,
        datasetNames: datasetNames, &state.report)
      let result = try writer(author).record(document)
      let new = result.changed
      state.presentRuns.insert(run.id)
      state.report.count("runs", new: new)
      state.report.count("params", document.start.params.count, new: new)
      state.report.count("tags", document.start.tags.count, new: new)
      state.report.count("metric_points", document.log.metrics.count, new: new)
      state.report.count("dataset_inputs", document.start.inputs.count, new: new)
      state.report.count("artifacts", document.log.outputs.count, new: new)
      state.experimentsWithRuns[run.experimentID, default: false] =
        state.experimentsWithRuns[run.experimentID, default: false] || new
    } catch {
      state.report.skip(
        "runs", run.id,
        error.kind == .refused && error.message.contains("different content")
          ? "already imported with other content: \(error.message)" : error.message)
    }
  }

  /// The run record of an MLflow run: MLflow's id, times, status, params, tags (all of them,
  /// `mlflow.*` included), full metric history, dataset inputs and artifact files.
  func document(
    _ run: MLflowTracking.Run, experiment: String, originalExperiment: String?,
    datasetNames: MLflowNames, _ report: inout MLflowImportReport
  ) throws(PedigreeError) -> RunDocument {
    let tag = Dictionary(run.tags.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
    var tags = run.tags
    if let originalExperiment { tags.append(KeyValue(MLflowNames.experimentNameTag, originalExperiment)) }
    var inputs: [RunInput] = []
    for input in run.inputs {
      switch datasetInput(input, names: datasetNames) {
      case .success(let dataset):
        inputs.append(.dataset(dataset))
        if let context = input.context {
          tags.append(KeyValue("mlflow.data.context.\(dataset.name)", context))
        }
      case .failure(let error):
        report.skip("dataset_inputs", "\(run.id):\(input.name)@\(input.digest)", error.message)
      }
    }
    let start = RunStart(
      experiment: experiment, name: run.name?.isEmpty == false ? run.name : nil,
      status: Self.status(run.status),
      startedAt: Timestamp(milliseconds: run.startTime ?? 0),
      endedAt: run.endTime.map(Timestamp.init(milliseconds:)),
      code: CodeVersion(
        gitCommit: tag["mlflow.source.git.commit"], repo: tag["mlflow.source.git.repoURL"],
        entryPoint: tag["mlflow.source.name"]),
      params: run.params, tags: tags, inputs: inputs)
    let outputs = try runArtifacts(run.id, experimentID: run.experimentID, artifactURI: run.artifactURI)
      .map { RunOutput.artifact($0) }
    return RunDocument(start: start, log: RunLog(metrics: run.metrics, outputs: outputs), runID: run.id)
  }

  static func status(_ mlflow: String) -> RunStatus {
    switch mlflow.uppercased() {
    case "FINISHED": .finished
    case "FAILED": .failed
    case "KILLED": .killed
    default: .running
    }
  }

  /// A dataset input as a dataset version: MLflow's digest as `mlflow:<hex>`, the URI from its
  /// source (`uri`, else `url`), rows from `profile.num_rows`, the schema as given and MLflow's
  /// source, source type and profile kept verbatim in tags.
  func datasetInput(_ input: MLflowTracking.DatasetInput, names: MLflowNames) -> Result<
    DatasetInput, PedigreeError
  > {
    Result { () throws(PedigreeError) -> DatasetInput in
      let name = try names.name(for: input.name).get()
      let digest = try Digest.normalizedDataset("mlflow:" + input.digest)
      let source = try? JSONValue.parse(input.source)
      let uri: String
      if case .string(let text)? = source?["uri"] ?? source?["url"], !text.isEmpty {
        uri = text
      } else {
        uri = "mlflow-dataset:\(input.sourceType)"
      }
      var rows: Int64?
      if let profile = input.profile, case .integer(let count)? = (try? JSONValue.parse(profile))?["num_rows"]
      {
        rows = count
      }
      var tags = [KeyValue("mlflow.source_type", input.sourceType), KeyValue("mlflow.source", input.source)]
      if let profile = input.profile { tags.append(KeyValue("mlflow.profile", profile)) }
      if name != input.name { tags.append(KeyValue("mlflow.dataset.name", input.name)) }
      return DatasetInput(
        name: name, uri: uri, digest: digest, rowCount: rows, schema: input.schema, tags: tags)
    }
  }

  // MARK: Artifacts

  /// The run's artifact directory on this machine, or `nil` when it is remote (`s3://…`).
  func runArtifactDirectory(_ runID: String, experimentID: String, artifactURI: String?) -> String? {
    if let artifactRoot { return "\(artifactRoot)/\(experimentID)/\(runID)/artifacts" }
    return artifactURI.flatMap(localPath)
  }

  /// A local path for an MLflow location: a path, `file://…`, or `mlflow-artifacts:/…` (the
  /// tracking server's `./mlartifacts` beside the database); relative paths are taken from the
  /// database's directory.
  func localPath(_ location: String) -> String? {
    let base = Paths.deletingLastComponent(sourcePath)
    if location.hasPrefix("file:") { return URL(string: location)?.path }
    if location.hasPrefix("mlflow-artifacts:") {
      var rest = location.dropFirst("mlflow-artifacts:".count)
      if rest.hasPrefix("//") { rest = rest.dropFirst(2).drop { $0 != "/" } }
      return Paths.appending(base, "mlartifacts" + rest)
    }
    if location.contains("://") || location.hasPrefix("runs:") || location.hasPrefix("models:") { return nil }
    return location.hasPrefix("/") ? location : Paths.appending(base, location)
  }

  /// Every file under the run's artifact directory (in path order), copied into the artifact
  /// store: name = its path relative to the directory, URI = where MLflow had it.
  func runArtifacts(_ runID: String, experimentID: String, artifactURI: String?) throws(PedigreeError)
    -> [ArtifactInput]
  {
    guard let directory = runArtifactDirectory(runID, experimentID: experimentID, artifactURI: artifactURI)
    else { return [] }
    return try files(under: directory).map { (relative) throws(PedigreeError) in
      let path = Paths.appending(directory, relative)
      let stored = try artifacts.ingest(fileAt: path)
      return ArtifactInput(
        name: relative, uri: URL(fileURLWithPath: path).absoluteString, digest: stored.digest,
        sizeBytes: stored.size)
    }
  }

  /// The regular files under `directory`, relative, in byte order; none when it does not exist.
  func files(under directory: String) -> [String] {
    Paths.regularFiles(under: directory)
  }

  /// Tags each imported experiment whose name was mapped with its MLflow name, so that MLflow's
  /// client served by `pedigree serve` finds it under the name it knows (once: the same tag again
  /// writes nothing).
  private func recordMappedExperimentNames(_ experiments: [MLflowTracking.Experiment], _ state: ImportState)
    throws(PedigreeError)
  {
    for experiment in experiments where state.experimentsWithRuns[experiment.id] != nil {
      guard state.experimentNames.isMapped(experiment.name),
        case .success(let name) = state.experimentNames.name(for: experiment.name)
      else { continue }
      let writer = writer(author)
      guard let stored = try writer.reader.mlflowExperiment(named: name) else { continue }
      _ = try writer.setExperimentTag(
        experimentID: stored.mlflowID, key: MLflowNames.experimentNameTag, value: experiment.name)
    }
  }

  private func countExperiments(_ experiments: [MLflowTracking.Experiment], _ state: inout ImportState) {
    for experiment in experiments {
      if let new = state.experimentsWithRuns[experiment.id] {
        state.report.count("experiments", new: new)
      } else if experiment.lifecycleStage == "deleted" {
        state.report.skip("experiments", experiment.id, "deleted in MLflow")
      } else if case .failure(let error) = state.experimentNames.name(for: experiment.name) {
        state.report.skip("experiments", experiment.id, error.message)
      } else {
        state.report.skip(
          "experiments", experiment.id, "no runs imported (Pedigree's experiments exist through their runs)")
      }
    }
  }
}

/// What an import has learnt so far.
struct ImportState {
  var report: MLflowImportReport
  var experiments: [String: MLflowTracking.Experiment] = [:]
  var experimentNames = MLflowNames([], kind: "experiment")
  /// MLflow experiment id → whether it got a new run (`false`: all its runs were there already).
  var experimentsWithRuns: [String: Bool] = [:]
  /// Runs the registry holds after this import (imported now or before).
  var presentRuns: Set<String> = []
  /// Run id → (experiment id, artifact URI), to find a model version's files.
  var runLocations: [String: (String, String?)] = [:]
}
