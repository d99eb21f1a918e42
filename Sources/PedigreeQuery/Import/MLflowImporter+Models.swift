import PedigreeCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension MLflowImporter {
  /// Registered models' versions (in MLflow's order, at MLflow's creation time) and their current
  /// aliases (one promote each, at the model's last update time).
  func importModels(_ state: inout ImportState) throws(PedigreeError) {
    let models = try source.registeredModels()
    let names = MLflowNames(models.map(\.name), kind: "model")
    let updated = Dictionary(models.map { ($0.name, $0.updatedAt) }, uniquingKeysWith: { a, _ in a })
    for model in models {
      if case .failure(let error) = names.name(for: model.name) {
        state.report.skip("models", model.name, error.message)
      }
    }
    /// MLflow (model, version) → the Pedigree version it landed on.
    var landed: [String: Int] = [:]
    var taken: [String: [Int: Int]] = [:]
    /// MLflow model name → whether any of its versions was new.
    var newVersions: [String: Bool] = [:]
    for version in try source.modelVersions() {
      let id = "\(version.model)/\(version.version)"
      switch importVersion(version, names: names, state: state) {
      case .failure(let error): state.report.skip("model_versions", id, error.message)
      case .success(let (pedigreeName, outcome)):
        let number = outcome.value.version
        if let earlier = taken[pedigreeName]?[number], earlier != version.version {
          state.report.skip(
            "model_versions", id,
            "same artifact as MLflow version \(earlier), which is \(pedigreeName)@\(number) (Pedigree keeps one version per artifact digest)"
          )
        } else {
          state.report.count("model_versions", new: outcome.changed)
        }
        newVersions[version.model] = (newVersions[version.model] ?? false) || outcome.changed
        taken[pedigreeName, default: [:]][number] = taken[pedigreeName]?[number] ?? version.version
        landed[id] = number
      }
    }
    for model in models {
      let outcomes = newVersions.filter { $0.key == model.name }.map(\.value)
      guard let new = outcomes.first, case .success(let name) = names.name(for: model.name) else { continue }
      let described = try importMetadata(model, as: name, &state)
      state.report.count("models", new: new || described)
    }
    for alias in try source.aliases() {
      let id = "\(alias.model)@\(alias.alias)"
      guard let number = landed["\(alias.model)/\(alias.version)"],
        case .success(let name) = names.name(for: alias.model)
      else {
        state.report.skip("aliases", id, "its version \(alias.version) was not imported")
        continue
      }
      do {
        let moved = try importAlias(
          name: name, alias: alias.alias, version: number, at: updated[alias.model] ?? nil)
        state.report.count("aliases", new: moved)
      } catch {
        state.report.skip("aliases", id, error.message)
      }
    }
  }

  private func importVersion(
    _ version: MLflowTracking.ModelVersion, names: MLflowNames, state: ImportState
  ) -> Result<(String, Outcome<ModelVersion>), PedigreeError> {
    Result { () throws(PedigreeError) in
      let name = try names.name(for: version.model).get()
      guard let run = version.runID else {
        throw PedigreeError.refused("it has no source run (Pedigree's versions come from a run)")
      }
      guard state.presentRuns.contains(run) else {
        throw PedigreeError.refused("its source run \(run) was not imported")
      }
      var registration = ModelRegistration(
        model: name, run: .run(run), artifact: try sourceArtifact(version, state: state),
        description: version.description?.isEmpty == false ? version.description : nil)
      registration.tags = version.tags + [KeyValue("mlflow.version", String(version.version))]
      if name != version.model {
        registration.tags.append(KeyValue("mlflow.registeredModelName", version.model))
      }
      let at = version.createdAt.map(Timestamp.init(milliseconds:)) ?? author.clock()
      return (name, try writer(author.at(at)).registerModel(registration))
    }
  }

  /// The version's files: a local directory is stored file by file and named by the digest of its
  /// manifest (`relpath TAB sha256:<hex> TAB size` lines, in path order, itself stored); a local
  /// file by its own digest; a remote source (`s3://…`) is recorded as given, without a digest.
  private func sourceArtifact(_ version: MLflowTracking.ModelVersion, state: ImportState)
    throws(PedigreeError)
    -> ArtifactInput?
  {
    guard let source = version.source, !source.isEmpty else { return nil }
    let name =
      Paths.lastComponent(source).isEmpty ? "model" : Paths.lastComponent(source)
    var path: String?
    if source.hasPrefix("runs:/") {
      let rest = source.dropFirst("runs:/".count).split(separator: "/", maxSplits: 1).map(String.init)
      if let run = rest.first, let location = state.runLocations[run],
        let directory = runArtifactDirectory(run, experimentID: location.0, artifactURI: location.1)
      {
        path = rest.count > 1 ? Paths.appending(directory, rest[1]) : directory
      }
    } else {
      path = localPath(source)
    }
    var isDirectory = false
    guard let path, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return ArtifactInput(name: name, uri: source)
    }
    if !isDirectory {
      let stored = try artifacts.ingest(fileAt: path)
      return ArtifactInput(name: name, uri: source, digest: stored.digest, sizeBytes: stored.size)
    }
    var manifest = ""
    var total: Int64 = 0
    for relative in files(under: path) {
      let stored = try artifacts.ingest(fileAt: Paths.appending(path, relative))
      manifest += "\(relative)\t\(stored.digest)\t\(stored.size)\n"
      total += stored.size
    }
    let stored = try artifacts.ingest(bytes: Array(manifest.utf8))
    return ArtifactInput(name: name, uri: source, digest: stored.digest, sizeBytes: total)
  }

  /// One promote onto the imported version, unless Pedigree already has this alias: on the
  /// same version it is already present (`false`); elsewhere it was moved in Pedigree and is left.
  private func importAlias(name: String, alias: String, version: Int, at updated: Int64?)
    throws(PedigreeError)
    -> Bool
  {
    if let current = try? reader.resolve(.model(name: name, selector: .alias(alias))) {
      if current.name == "\(name)@\(version)" { return false }
      throw PedigreeError.refused("\(name)@\(alias) already points at \(current.name) in Pedigree; not moved")
    }
    let at = updated.map(Timestamp.init(milliseconds:)) ?? author.clock()
    let move = try writer(author.at(at)).promote(
      .model(name: name, selector: .version(version)), to: alias,
      reason: "imported from MLflow (the alias as MLflow had it)")
    return move.changed
  }

  /// A registered model's own description and tags (MLflow's `registered_models` and
  /// `registered_model_tags`), as the server's `registered-models/update` and `set-tag` record
  /// them; what the model has already is no change. Whether anything was written.
  private func importMetadata(
    _ model: MLflowTracking.RegisteredModel, as name: String, _ state: inout ImportState
  )
    throws(PedigreeError) -> Bool
  {
    let description = model.description?.isEmpty == false ? model.description : nil
    guard description != nil || !model.tags.isEmpty else { return false }
    do {
      return try writer(author).updateRegisteredModel(
        name: name, description: description, setTags: model.tags, deleteTags: []
      ).changed
    } catch {
      state.report.skip("models", model.name, "its description and tags: \(error.message)")
      return false
    }
  }
}
