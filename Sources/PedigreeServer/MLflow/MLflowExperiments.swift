import HTTPTypes
import Hummingbird
import PedigreeCore
import PedigreeQuery

extension MLflowAPI {
  /// `experiments/get-by-name`, `create`, `get`, `search` and `set-experiment-tag`.
  func addExperimentRoutes() {
    on(.get, "experiments/get-by-name", .reader) { message, _ in
      let name = try message.required("experiment_name")
      let pedigreeName = MLflowExperimentName.pedigreeName(name)
      guard let experiment = try await read({ try $0.mlflowExperiment(named: pedigreeName) }),
        MLflowExperimentName.of(experiment) == name
      else {
        throw MLflowError.notFound("Could not find experiment with name '\(name.prefix(250))'")
      }
      return .object(["experiment": MLflowDocuments.experiment(experiment)])
    }
    on(.get, "experiments/get", .reader) { message, _ in
      let id = try message.required("experiment_id")
      guard let experiment = try await read({ try $0.mlflowExperiment(id: id) }) else {
        throw MLflowError.notFound("No Experiment with id=\(id.prefix(40)) exists")
      }
      return .object(["experiment": MLflowDocuments.experiment(experiment)])
    }
    on(.post, "experiments/create", .writer) { message, context in
      let name = try message.required("name")
      let pedigreeName = MLflowExperimentName.pedigreeName(name)
      let tags =
        try message.keyValues("tags")
        + (pedigreeName == name ? [] : [KeyValue(MLflowExperimentName.tag, name)])
      let created = try await write(context) { try $0.createExperiment(name: pedigreeName, tags: tags) }
      guard created.changed else {
        let holder = MLflowExperimentName.of(created.value)
        guard holder == name else {
          throw MLflowError.invalid(
            "experiment name '\(name.prefix(250))' becomes '\(pedigreeName)' in Pedigree, which holds the "
              + "experiment '\(holder.prefix(250))'; choose another name")
        }
        throw MLflowError.alreadyExists("Experiment '\(name.prefix(250))' already exists.")
      }
      return .object(["experiment_id": .string(created.value.mlflowID)])
    }
    on(.post, "experiments/set-experiment-tag", .writer) { message, context in
      let id = try message.required("experiment_id")
      let tag = KeyValue(try message.required("key"), try message.string("value") ?? "")
      _ = try await write(context) {
        try $0.setExperimentTag(experimentID: id, key: tag.key, value: tag.value)
      }
      return MLflowAPI.empty
    }
    for method in [HTTPRequest.Method.get, .post] {
      on(method, "experiments/search", .reader) { message, _ in
        let maxResults = Int(try message.int64("max_results") ?? 1000)
        guard (1...50_000).contains(maxResults) else {
          throw MLflowError.invalid("max_results must be between 1 and 50000")
        }
        let offset = try PageToken.offset(try message.string("page_token"))
        let all = try await read { try $0.mlflowExperiments() }
        let (page, next) = PageToken.page(all, offset: offset, limit: maxResults)
        return MLflowDocuments.object([
          ("experiments", page.isEmpty ? nil : .array(page.map(MLflowDocuments.experiment))),
          ("next_page_token", next.map(JSONValue.string)),
        ])
      }
    }
  }
}

/// MLflow's experiment names may hold spaces, slashes and any unicode (its quickstart sets
/// "MLflow Quickstart"); Pedigree's names may not. A name Pedigree accepts is kept; any other is
/// mapped as `pedigree import mlflow` maps it (`MLflowNames`: "MLflow Quickstart" →
/// "MLflow-Quickstart") and the original is kept in the experiment's tag `mlflow.experimentName`,
/// which is the name MLflow's API shows. A Pedigree name holds one MLflow name: a second one that
/// maps onto it is refused, never merged.
enum MLflowExperimentName {
  /// The experiment tag holding the MLflow name of a mapped experiment.
  static let tag = MLflowNames.experimentNameTag

  /// The Pedigree name an MLflow experiment name lands on.
  static func pedigreeName(_ name: String) -> String {
    let mapped = MLflowNames.pedigreeName(name)
    return mapped.isEmpty ? name : mapped  // nothing to keep: validation names the original
  }

  /// The experiment's name as MLflow's client knows it.
  static func of(_ experiment: MLflowExperiment) -> String {
    experiment.tags.first { $0.key == tag }?.value ?? experiment.name
  }
}

/// MLflow's search dialect, translated to Pedigree's (a superset, statuses in any case).
enum MLflowSearch {
  /// The filter restricted to the experiments' runs.
  static func runFilter(_ filter: String, experiments: [String]) -> String {
    let names = experiments.map { "'\($0)'" }.joined(separator: ", ")
    let restriction = "attributes.experiment IN (\(names))"
    return filter.allSatisfy(\.isWhitespace) ? restriction : "(\(filter)) AND \(restriction)"
  }

  /// MLflow's `order_by` terms (`start_time DESC`, ``metrics.`val loss` ASC``, bare attribute
  /// names) as one Pedigree order.
  static func runOrder(_ terms: [String]) throws -> RunOrder {
    guard !terms.isEmpty else { return .default }
    let written = terms.map { term -> String in
      let trimmed = term.trimmingPrefix(while: \.isWhitespace)
      let field = trimmed.prefix { !$0.isWhitespace }
      return field.contains(".") || field.hasPrefix("`") ? String(trimmed) : "attributes." + trimmed
    }
    return try RunOrder.parse(written.joined(separator: ", "))
  }
}
