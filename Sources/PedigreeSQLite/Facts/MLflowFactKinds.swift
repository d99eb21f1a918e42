extension FactKind {
  /// The facts of MLflow's compatibility tables (migration 0008) that its REST API shows: tag
  /// histories of runs, experiments and logged models, uploaded files, logged models with their
  /// finalization and run outputs, dataset input tags, registered-model metadata and the sources
  /// of model versions. Recorded from schema `FactTracking.mlflowVersion` on; a registry written
  /// before gets them in that migration's baseline (`SQLiteWriter.appendBaseline(kinds:)`).
  static let mlflow: [FactKind] = [
    FactKind(
      name: "run_tag_event", filterColumn: "e.id",
      select: """
        SELECT 'run_tag_event:' || e.id, json_object(
          'run', 'run:' || r.uuid, 'key', e.key, 'value', e.value, 'previous', e.previous,
          'actor', e.actor, 'at', e.at)
        FROM run_tag_events e LEFT JOIN runs r ON r.id = e.run_id
        WHERE {filter} ORDER BY e.id
        """, touches: [("run_tag_events", "NEW.id")]),
    FactKind(
      name: "experiment_tag_event", filterColumn: "e.id",
      select: """
        SELECT 'experiment_tag_event:' || e.id, json_object(
          'experiment', x.name, 'key', e.key, 'value', e.value, 'actor', e.actor, 'at', e.at)
        FROM experiment_tag_events e LEFT JOIN experiments x ON x.id = e.experiment_id
        WHERE {filter} ORDER BY e.id
        """, touches: [("experiment_tag_events", "NEW.id")]),
    FactKind(
      name: "mlflow_file", filterColumn: "id",
      select: """
        SELECT 'mlflow_file:' || id, json_object(
          'path', path, 'digest', digest, 'size_bytes', size_bytes,
          'artifact', 'artifact:' || artifact_id, 'created_at', created_at, 'created_by', created_by)
        FROM mlflow_files WHERE {filter} ORDER BY id
        """, touches: [("mlflow_files", "NEW.id")]),
    FactKind(
      name: "logged_model", filterColumn: "l.id",
      select: """
        SELECT 'logged_model:' || l.model_id, json_object(
          'experiment', x.name, 'name', l.name, 'run', 'run:' || r.uuid, 'model_type', l.model_type,
          'params', l.params, 'created_at', l.created_at, 'created_by', l.created_by,
          'status', z.status, 'artifact', 'artifact:' || z.artifact_id, 'finalized_by', z.actor,
          'finalized_at', z.at)
        FROM logged_models l LEFT JOIN experiments x ON x.id = l.experiment_id
        LEFT JOIN runs r ON r.id = l.source_run_id
        LEFT JOIN logged_model_finalizations z ON z.logged_model_id = l.id
        WHERE {filter} ORDER BY l.id
        """,
      touches: [("logged_models", "NEW.id"), ("logged_model_finalizations", "NEW.logged_model_id")]),
    FactKind(
      name: "logged_model_tag_event", filterColumn: "e.id",
      select: """
        SELECT 'logged_model_tag_event:' || e.id, json_object(
          'logged_model', l.model_id, 'key', e.key, 'value', e.value, 'actor', e.actor, 'at', e.at)
        FROM logged_model_tag_events e LEFT JOIN logged_models l ON l.id = e.logged_model_id
        WHERE {filter} ORDER BY e.id
        """, touches: [("logged_model_tag_events", "NEW.id")]),
    FactKind(
      name: "logged_model_output", filterColumn: "o.run_id",
      select: """
        SELECT 'logged_model_output:run:' || coalesce(r.uuid, '?') || ' ' || coalesce(l.model_id, '?'),
          json_object('step', o.step)
        FROM run_logged_model_outputs o LEFT JOIN runs r ON r.id = o.run_id
        LEFT JOIN logged_models l ON l.id = o.logged_model_id
        WHERE {filter} ORDER BY o.run_id, o.logged_model_id
        """, touches: [("run_logged_model_outputs", "NEW.run_id")]),
    FactKind(
      name: "run_input_tag", filterColumn: "t.run_id",
      select: """
        SELECT 'run_input_tag:run:' || coalesce(r.uuid, '?') || ' dataset:' || coalesce(d.name, '?')
          || '@' || coalesce(CAST(v.version AS TEXT), '?') || ' ' || t.key, json_object('value', t.value)
        FROM run_input_tags t LEFT JOIN runs r ON r.id = t.run_id
        LEFT JOIN dataset_versions v ON v.id = t.dataset_version_id
        LEFT JOIN datasets d ON d.id = v.dataset_id
        WHERE {filter} ORDER BY t.run_id, t.dataset_version_id, t.key
        """, touches: [("run_input_tags", "NEW.run_id")]),
    FactKind(
      name: "model_metadata_event", filterColumn: "e.id",
      select: """
        SELECT 'model_metadata_event:' || e.id, json_object(
          'model', m.name, 'key', e.key, 'value', e.value, 'actor', e.actor, 'at', e.at)
        FROM model_metadata_events e LEFT JOIN models m ON m.id = e.model_id
        WHERE {filter} ORDER BY e.id
        """, touches: [("model_metadata_events", "NEW.id")]),
    FactKind(
      name: "model_version_source", filterColumn: "s.model_version_id",
      select: """
        SELECT 'model_version_source:model:' || coalesce(m.name, '?') || '@' || coalesce(CAST(v.version AS TEXT), '?'),
          json_object('source', s.source, 'run_link', s.run_link, 'logged_model', l.model_id)
        FROM model_version_sources s LEFT JOIN model_versions v ON v.id = s.model_version_id
        LEFT JOIN models m ON m.id = v.model_id LEFT JOIN logged_models l ON l.id = s.logged_model_id
        WHERE {filter} ORDER BY s.model_version_id
        """, touches: [("model_version_sources", "NEW.model_version_id")]),
  ]
}
