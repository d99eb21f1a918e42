import Foundation
import HTTPTypes
import Hummingbird
import PedigreeCore

extension MLflowAPI {
  /// Registered models, model versions and aliases (MLFLOW.md §a, model registry).
  func addRegistryRoutes() {
    addModelVersionRoutes()
    addAliasRoutes()
    addModelMetadataRoutes()
    on(.post, "registered-models/create", .writer) { message, context in
      let name = try message.required("name")
      let description = try message.string("description")
      let tags = try message.keyValues("tags")
      let created = try await write(context) { writer in
        try writer.createRegisteredModel(name: name, description: description, tags: tags)
      }
      guard created.changed else {
        throw MLflowError.alreadyExists("Registered Model (name=\(name.prefix(250))) already exists.")
      }
      return try await read {
        .object(["registered_model": try MLflowDocuments.registeredModel($0, created.value)])
      }
    }
    on(.get, "registered-models/get", .reader) { message, _ in
      let name = try message.required("name")
      return try await read { reader in
        .object([
          "registered_model": try MLflowDocuments.registeredModel(reader, try MLflowAPI.model(reader, name))
        ])
      }
    }
    for method in [HTTPRequest.Method.post, .get] {
      on(method, "registered-models/get-latest-versions", .reader) { message, _ in
        let name = try message.required("name")
        let stages = try message.strings("stages").map { $0.lowercased() }
        return try await read { reader in
          let model = try MLflowAPI.model(reader, name)
          let versions = try MLflowAPI.latestPerStage(reader, model, stages: stages)
          let documents = try versions.map { try MLflowDocuments.modelVersion(reader, id: $0) }
          return MLflowDocuments.object([("model_versions", documents.isEmpty ? nil : .array(documents))])
        }
      }
    }
    for path in ["registered-models/delete", "model-versions/delete"] {
      on(.delete, path, .writer) { _, _ in
        throw MLflowError.denied(
          "Pedigree keeps registry history: nothing is deleted; deprecate a version instead")
      }
    }
  }

  private func addModelVersionRoutes() {
    on(.post, "model-versions/create", .writer) { message, context in
      let input = MLflowVersionInput(
        model: try message.required("name"), source: try message.required("source"),
        run: try message.string("run_id"), loggedModelID: try message.string("model_id"),
        runLink: try message.string("run_link"), description: try message.string("description"),
        tags: try message.keyValues("tags"))
      let version = try await write(context) { try $0.createModelVersion(input) }
      return try await read {
        .object(["model_version": try MLflowDocuments.modelVersion($0, id: version.value.id)])
      }
    }
    on(.get, "model-versions/get", .reader) { message, _ in
      let ref = try MLflowAPI.versionRef(message)
      return try await read { reader in
        .object(["model_version": try MLflowDocuments.modelVersion(reader, id: try reader.resolve(ref).id)])
      }
    }
    on(.patch, "model-versions/update", .writer) { message, context in
      let ref = try MLflowAPI.versionRef(message)
      let description = try message.string("description")
      let updated = try await write(context) { try $0.describeModelVersion(ref, description: description) }
      return try await read {
        .object(["model_version": try MLflowDocuments.modelVersion($0, id: updated.value.id)])
      }
    }
    on(.post, "model-versions/set-tag", .writer) { message, context in
      let ref = try MLflowAPI.versionRef(message)
      let tag = KeyValue(try message.required("key"), try message.string("value") ?? "")
      _ = try await write(context) { try $0.tagModelVersion(ref, set: [tag], unset: []) }
      return MLflowAPI.empty
    }
    on(.get, "model-versions/get-download-uri", .reader) { message, _ in
      let ref = try MLflowAPI.versionRef(message)
      return try await read { reader in
        let id = try reader.resolve(ref).id
        return .object(["artifact_uri": .string(try MLflowAPI.downloadURI(reader, versionID: id))])
      }
    }
    on(.get, "model-versions/search", .reader) { message, _ in
      let filter = try MLflowVersionFilter(try message.string("filter") ?? "")
      let ascending = try message.strings("order_by").contains { $0.lowercased().hasSuffix("asc") }
      let maxResults = Int(try message.int64("max_results") ?? 10_000)
      guard (1...200_000).contains(maxResults) else {
        throw MLflowError.invalid("max_results must be between 1 and 200000")
      }
      let offset = try PageToken.offset(try message.string("page_token"))
      return try await read { reader in
        let ids = try filter.versions(reader, ascending: ascending)
        let (page, next) = PageToken.page(ids, offset: offset, limit: maxResults)
        let documents = try page.map { try MLflowDocuments.modelVersion(reader, id: $0) }
        return MLflowDocuments.object([
          ("model_versions", documents.isEmpty ? nil : .array(documents)),
          ("next_page_token", next.map(JSONValue.string)),
        ])
      }
    }
  }

  // MARK: Helpers

  /// The registered model `name`; 404 `RESOURCE_DOES_NOT_EXIST` when there is none.
  static func model(_ reader: any RegistryReading, _ name: String) throws -> RegisteredModelInfo {
    guard let model = try reader.registeredModel(named: name) else {
      throw PedigreeError.notFound("Registered Model with name=\(name.prefix(250)) not found")
    }
    return model
  }

  /// `name` and `version` ("N") as a ref.
  static func versionRef(_ message: MLflowMessage) throws -> Ref {
    let name = try message.required("name")
    let text = try message.required("version")
    guard let version = Int(text), version >= 1 else {
      throw MLflowError.invalid("invalid version '\(text.prefix(40))': versions are 1, 2, 3…")
    }
    return .model(name: name, selector: .version(version))
  }

  /// The latest version of each stage asked for (all versions' latest when none): `Production`
  /// and `Staging` are the aliases `production` and `staging`, `None` the rest.
  static func latestPerStage(_ reader: any RegistryReading, _ model: RegisteredModelInfo, stages: [String])
    throws -> [Int64]
  {
    let ids = try reader.modelVersionIDs(modelID: model.modelID)
    let pointers = try reader.aliasPointers(modelID: model.modelID, at: nil)
    func stage(_ id: Int64) -> String {
      let aliases = pointers.filter { $0.versionID == id }.map(\.alias)
      return aliases.contains("production") ? "production" : aliases.contains("staging") ? "staging" : "none"
    }
    var latest: [String: Int64] = [:]
    for id in ids { latest[stage(id)] = id }
    let wanted = stages.isEmpty ? ["none", "staging", "production"] : stages
    return wanted.compactMap { latest[$0] }.sorted()
  }

  /// Where a version's files are, for the client to download: a logged model's artifact
  /// directory, a run path as its `mlflow-artifacts:` URI, else the source as given.
  static func downloadURI(_ reader: any RegistryReading, versionID: Int64) throws -> String {
    let info = try reader.modelVersionInfo(id: versionID, at: nil)
    guard let source = try reader.modelVersionSource(versionID: versionID) else {
      return info.artifact?.uri ?? ""
    }
    if let id = source.loggedModelID, let model = try reader.loggedModel(id: id) {
      return MLflowPath.uri(model.artifactPath)
    }
    if source.source.hasPrefix("runs:/"), let uri = info.artifact?.uri { return uri }
    return source.source
  }
}

/// `model-versions/search`'s filter: `name = 'X'`, `run_id = '…'`, joined by `and`.
struct MLflowVersionFilter {
  var name: String?
  var runID: String?

  init(_ text: String) throws {
    let terms = text.components(separatedBy: " and ").flatMap { $0.components(separatedBy: " AND ") }
    for term in terms where !term.allSatisfy(\.isWhitespace) {
      let parts = term.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, let quote = parts[1].first, quote == "'" || quote == "\"",
        parts[1].count >= 2, parts[1].last == quote
      else {
        throw MLflowError.invalid(
          "unsupported model version filter '\(term.prefix(80))': use name = '…' and run_id = '…'")
      }
      let value = String(parts[1].dropFirst().dropLast())
      switch parts[0].lowercased() {
      case "name": name = value
      case "run_id": runID = value
      default: throw MLflowError.invalid("unsupported model version filter field '\(parts[0].prefix(40))'")
      }
    }
  }

  /// The matching versions, by model name then version (descending unless `ascending`).
  func versions(_ reader: any RegistryReading, ascending: Bool) throws -> [Int64] {
    let names = try name.map { [$0] } ?? reader.modelList().map(\.name)
    var ids: [Int64] = []
    for name in names.sorted() {
      guard let model = try reader.registeredModel(named: name) else { continue }
      var versions = try reader.modelVersionIDs(modelID: model.modelID)
      if let runID {
        versions = try versions.filter { try reader.modelVersionInfo(id: $0, at: nil).runUUID == runID }
      }
      ids += ascending ? versions : versions.reversed()
    }
    return ids
  }
}
