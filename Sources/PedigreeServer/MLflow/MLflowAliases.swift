import HTTPTypes
import Hummingbird
import PedigreeCore

extension MLflowAPI {
  /// `registered-models/alias`: set (a promote, subject to the alias's policy; its reason in
  /// `X-Pedigree-Reason`), get, and delete.
  func addAliasRoutes() {
    group.post("registered-models/alias") { request, context in
      try context.require(.writer)
      let message = try await MLflowMessage.read(request, context: context)
      let ref = try MLflowAPI.versionRef(message)
      let alias = try MLflowAPI.alias(message)
      let reason = request.headers[.xPedigreeReason]
      do {
        _ = try await write(context) { try $0.promote(ref, to: alias, reason: reason) }
      } catch let error as PedigreeError where error.remedy == .giveReason {
        throw MLflowError.invalid(error.message + " (send it in the X-Pedigree-Reason header)")
      }
      return Response.json(MLflowAPI.empty)
    }
    // A removal event (`model unalias`). As in MLflow, removing an alias that is not set answers
    // `{}`: the model must exist, and a retried DELETE changes nothing.
    group.delete("registered-models/alias") { request, context in
      try context.require(.writer)
      let message = try await MLflowMessage.read(request, context: context)
      let name = try message.required("name")
      try Names.validate(name, as: "model")
      let alias = try MLflowAPI.alias(message)
      let reason = request.headers[.xPedigreeReason]
      _ = try await read { reader in try MLflowAPI.model(reader, name) }
      do {
        _ = try await write(context) { try $0.removeAlias(model: name, alias: alias, reason: reason) }
      } catch let error as PedigreeError where error.remedy == .giveReason {
        throw MLflowError.invalid(error.message + " (send it in the X-Pedigree-Reason header)")
      } catch let error as PedigreeError where error.kind == .notFound {
        return Response.json(MLflowAPI.empty)
      }
      return Response.json(MLflowAPI.empty)
    }
    on(.get, "registered-models/alias", .reader) { message, _ in
      let name = try message.required("name")
      let alias = try message.required("alias")
      return try await read { reader in
        _ = try MLflowAPI.model(reader, name)
        let node: NodeRef
        do {
          node = try reader.resolve(.model(name: name, selector: .alias(alias)))
        } catch let error as PedigreeError where error.kind == .notFound {
          throw PedigreeError.usage("Registered model alias \(alias.prefix(250)) not found.")
        }
        return .object(["model_version": try MLflowDocuments.modelVersion(reader, id: node.id)])
      }
    }
  }

  /// The alias of a request, under both MLflow's rules (`^[\w-]+$`, not `latest`, not
  /// `v<digits>`) and Pedigree's (not all digits).
  static func alias(_ message: MLflowMessage) throws -> String {
    let alias = try message.required("alias")
    let word = alias.unicodeScalars.allSatisfy {
      $0 == "_" || $0 == "-" || ("a"..."z").contains($0) || ("A"..."Z").contains($0)
        || ("0"..."9").contains($0)
    }
    let reserved =
      alias.lowercased() == "latest"
      || (alias.lowercased().hasPrefix("v") && alias.count > 1 && alias.dropFirst().allSatisfy(\.isNumber))
    guard word, !reserved else {
      throw MLflowError.invalid(
        "invalid alias '\(alias.prefix(80))': aliases use letters, digits, '_' and '-', and are not 'latest' or v<digits>"
      )
    }
    try Names.validateAlias(alias)
    return alias
  }
}
