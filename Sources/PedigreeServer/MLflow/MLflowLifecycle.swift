import Hummingbird
import PedigreeCore

extension MLflowAPI {
  /// MLflow's lifecycle endpoints (MLFLOW.md §a, the rows marked N next to the essential ones):
  /// `runs/delete-tag` deletes a tag (kept in the tag history); deleting a run or an experiment
  /// is refused with 403 `PERMISSION_DENIED`, as registered models and versions are, because
  /// lineage, audit reports and the audit chain refer to them; restoring one answers `{}`, since
  /// nothing was ever deleted. Each names an unknown run or experiment with 404
  /// `RESOURCE_DOES_NOT_EXIST` first.
  func addLifecycleRoutes() {
    on(.post, "runs/delete-tag", .writer) { message, context in
      let id = try message.runID()
      let key = try message.required("key")
      _ = try await write(context) { try $0.deleteRunTag(.run(id), key: key) }
      return MLflowAPI.empty
    }
    on(.post, "runs/delete", .writer) { message, _ in
      let id = try message.runID()
      _ = try await read { try MLflowAPI.runNode($0, id) }
      throw MLflowError.denied(
        "Pedigree keeps every run: lineage, audit reports and the audit chain refer to it; nothing is deleted"
      )
    }
    on(.post, "runs/restore", .writer) { message, _ in
      let id = try message.runID()
      _ = try await read { try MLflowAPI.runNode($0, id) }
      return MLflowAPI.empty
    }
    on(.post, "experiments/delete", .writer) { message, _ in
      _ = try await experiment(message)
      throw MLflowError.denied(
        "Pedigree keeps every experiment and its runs: lineage and the audit chain refer to them; nothing is deleted"
      )
    }
    on(.post, "experiments/restore", .writer) { message, _ in
      _ = try await experiment(message)
      return MLflowAPI.empty
    }
  }

  /// The experiment `experiment_id` names; 404 `RESOURCE_DOES_NOT_EXIST` when there is none.
  private func experiment(_ message: MLflowMessage) async throws -> MLflowExperiment {
    let id = try message.required("experiment_id")
    guard let experiment = try await read({ try $0.mlflowExperiment(id: id) }) else {
      throw MLflowError.notFound("No Experiment with id=\(id.prefix(40)) exists")
    }
    return experiment
  }
}
