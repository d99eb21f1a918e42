import Foundation
import Hummingbird
import PedigreeCore

extension MLflowAPI {
  /// MLflow 3 logged models (`m-<32 hex>`), which `<flavor>.log_model` needs.
  func addLoggedModelRoutes() {
    on(.post, "logged-models", .writer) { message, context in
      let input = LoggedModelInput(
        experimentID: try message.string("experiment_id") ?? "0",
        name: try message.string("name").flatMap { $0.isEmpty ? nil : $0 } ?? "model",
        sourceRun: try message.string("source_run_id").flatMap { $0.isEmpty ? nil : $0 },
        modelType: try message.string("model_type"), params: try message.keyValues("params"),
        tags: try message.keyValues("tags"))
      let model = try await write(context) { try $0.createLoggedModel(input) }
      return .object(["model": MLflowDocuments.loggedModel(model)])
    }
    on(.get, "logged-models/:model_id", .reader) { _, context in
      let id = try context.parameters.require("model_id")
      return .object(["model": MLflowDocuments.loggedModel(try await loggedModel(id))])
    }
    on(.patch, "logged-models/:model_id", .writer) { message, context in
      let id = try context.parameters.require("model_id")
      let text = try message.required("status")
      guard let status = LoggedModelStatus(rawValue: text) else {
        throw MLflowError.invalid("invalid logged model status '\(text.prefix(40))'")
      }
      let model = try await write(context) { try $0.finalizeLoggedModel(id: id, status: status) }
      return .object(["model": MLflowDocuments.loggedModel(model.value)])
    }
    on(.patch, "logged-models/:model_id/tags", .writer) { message, context in
      let id = try context.parameters.require("model_id")
      let tags = try message.keyValues("tags")
      _ = try await write(context) { try $0.tagLoggedModel(id: id, tags: tags) }
      return MLflowAPI.empty
    }
    on(.post, "logged-models/search", .reader) { message, _ in
      let experimentIDs = try message.strings("experiment_ids")
      let name = try MLflowAPI.loggedModelName(try message.string("filter") ?? "")
      let maxResults = Int(try message.int64("max_results") ?? 100)
      guard (1...10_000).contains(maxResults) else {
        throw MLflowError.invalid("max_results must be between 1 and 10000")
      }
      let offset = try PageToken.offset(try message.string("page_token"))
      return try await read { reader in
        let ids = try experimentIDs.compactMap { try reader.mlflowExperiment(id: $0)?.rowID }
        let models = try reader.loggedModels(experiments: ids, name: name, limit: offset + maxResults + 1)
        let (page, next) = PageToken.page(models, offset: offset, limit: maxResults)
        return MLflowDocuments.object([
          ("models", page.isEmpty ? nil : .array(page.map(MLflowDocuments.loggedModel))),
          ("next_page_token", next.map(JSONValue.string)),
        ])
      }
    }
  }

  func loggedModel(_ id: String) async throws -> LoggedModel {
    guard let model = try await read({ try $0.loggedModel(id: id) }) else {
      throw MLflowError.notFound("Logged model with ID '\(id.prefix(40))' not found.")
    }
    return model
  }

  /// The one filter the client sends, `name = '<x>'` (or none).
  static func loggedModelName(_ filter: String) throws -> String? {
    let text = filter.trimmingCharacters(in: .whitespaces)
    if text.isEmpty { return nil }
    let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
    guard parts.count == 2, ["name", "attributes.name"].contains(parts[0].lowercased()),
      let quote = parts[1].first, quote == "'" || quote == "\"", parts[1].count >= 2,
      parts[1].last == quote
    else {
      throw MLflowError.invalid("unsupported logged model filter '\(text.prefix(80))': use name = '<name>'")
    }
    return String(parts[1].dropFirst().dropLast())
  }
}
