"""An unchanged MLflow client script against `pedigree serve` (MLFLOW_TRACKING_URI).

Tracking, artifacts, a failed run, search, histories, registration (runs:/ and models:/m-…),
aliases and loading by alias. Prints one JSON document of what it saw, for the Swift test.
"""
import json
import math
import os
import sys
import tempfile

import mlflow
from mlflow import MlflowClient
from mlflow.exceptions import MlflowException

out = {}
client = MlflowClient()

# Default experiment "0", without set_experiment.
with mlflow.start_run(run_name="default-run") as run:
    mlflow.log_param("where", "default")
out["default_experiment"] = client.get_run(run.info.run_id).info.experiment_id

experiment = mlflow.set_experiment("fraud")
out["experiment_id"] = experiment.experiment_id

with mlflow.start_run(run_name="xgb") as run:
    run_id = run.info.run_id
    mlflow.log_param("lr", "0.01")
    mlflow.log_params({"max_depth": 6, "seed": 7})
    mlflow.log_param("lr", "0.01")  # the same value again: harmless
    for step, loss in enumerate([0.7, 0.5, 0.4]):
        mlflow.log_metric("loss", loss, step=step)
    mlflow.log_metric("odd", float("nan"), step=0)
    mlflow.log_metric("odd", float("inf"), step=1)
    mlflow.log_metric("odd", float("-inf"), step=2)
    mlflow.log_metric("big", 1.5, step=2**53 + 1)
    mlflow.log_metrics({"auc": 0.93, "f1": 0.8}, step=3)
    mlflow.set_tag("team", "risk")
    mlflow.set_tag("stage", "a")
    mlflow.set_tag("stage", "b")  # overwrites
    mlflow.set_tags({"owner": "ana", "priority": "high"})
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "notes.txt")
        with open(path, "w") as handle:
            handle.write("hello pedigree\n")
        mlflow.log_artifact(path)
        os.makedirs(os.path.join(directory, "model"))
        with open(os.path.join(directory, "model", "MLmodel"), "w") as handle:
            handle.write("artifact_path: model\nflavors: {}\n")
        with open(os.path.join(directory, "model", "weights.bin"), "wb") as handle:
            handle.write(bytes(range(256)) * 4)
        mlflow.log_artifacts(os.path.join(directory, "model"), artifact_path="model")
    mlflow.log_text("some text", "texts/a.txt")
    mlflow.log_dict({"k": [1, 2]}, "config.json")

out["run_id"] = run_id
fetched = client.get_run(run_id)
out["status"] = fetched.info.status
out["params"] = fetched.data.params
out["tags"] = {k: v for k, v in fetched.data.tags.items() if not k.startswith("mlflow.source")}
out["metrics"] = {k: repr(v) for k, v in fetched.data.metrics.items()}
out["odd_history"] = [repr(m.value) for m in client.get_metric_history(run_id, "odd")]
out["big_history"] = [m.step for m in client.get_metric_history(run_id, "big")]
out["loss_history"] = [(m.step, m.value) for m in client.get_metric_history(run_id, "loss")]
out["artifacts"] = sorted(a.path for a in client.list_artifacts(run_id))
out["model_files"] = sorted(a.path for a in client.list_artifacts(run_id, "model"))
out["text"] = mlflow.artifacts.load_text(f"runs:/{run_id}/texts/a.txt")
out["dict"] = mlflow.artifacts.load_dict(f"runs:/{run_id}/config.json")

# Dataset inputs (what log_input sends; this client has no numpy for mlflow.data's classes),
# twice: the second adds nothing.
from mlflow.entities import Dataset, DatasetInput, InputTag

iris = Dataset(name="iris", digest="fad98c68", source_type="http",
               source='{"url": "https://example.com/iris.csv"}',
               schema='{"mlflow_colspec": [{"type": "double", "name": "x"}]}',
               profile='{"num_rows": 150}')
for _ in range(2):
    client.log_inputs(run_id, [DatasetInput(iris, [InputTag("mlflow.data.context", "training")])])
out["inputs"] = [
    [d.dataset.name, d.dataset.digest, d.dataset.source, d.dataset.schema, d.dataset.profile,
     [[t.key, t.value] for t in d.tags]]
    for d in client.get_run(run_id).inputs.dataset_inputs]

# A failing run ends FAILED.
try:
    with mlflow.start_run(run_name="broken") as broken:
        broken_id = broken.info.run_id
        raise ValueError("boom")
except ValueError:
    pass
out["failed_status"] = client.get_run(broken_id).info.status

found = mlflow.search_runs(
    experiment_names=["fraud"], filter_string="attributes.status = 'FAILED'", output_format="list")
out["search_failed"] = [r.info.run_id for r in found]
ordered = client.search_runs([experiment.experiment_id], order_by=["start_time DESC"])
out["search_ordered"] = [r.info.run_name for r in ordered]
by_metric = client.search_runs([experiment.experiment_id], filter_string="metrics.auc > 0.9")
out["search_metric"] = [r.info.run_id for r in by_metric]

# Registry: runs:/ directory, then aliases.
version = mlflow.register_model(f"runs:/{run_id}/model", "fraud-model")
out["version"] = version.version
out["version_status"] = version.status
again = mlflow.register_model(f"runs:/{run_id}/model", "fraud-model")
out["version_again"] = again.version
client.set_registered_model_alias("fraud-model", "staging", version.version)
by_alias = client.get_model_version_by_alias("fraud-model", "staging")
out["alias_version"] = by_alias.version
out["alias_aliases"] = list(by_alias.aliases)
client.set_model_version_tag("fraud-model", version.version, "validated", "yes")
client.update_model_version("fraud-model", version.version, description="first model")
mv = client.get_model_version("fraud-model", version.version)
out["mv_tags"] = mv.tags
out["mv_description"] = mv.description
out["mv_run"] = mv.run_id
out["search_versions"] = [v.version for v in client.search_model_versions("name='fraud-model'")]
out["latest"] = [v.version for v in client.get_latest_versions("fraud-model")]
with tempfile.TemporaryDirectory() as directory:
    local = mlflow.artifacts.download_artifacts("models:/fraud-model@staging", dst_path=directory)
    out["downloaded"] = sorted(os.listdir(local))
    with open(os.path.join(local, "weights.bin"), "rb") as handle:
        out["downloaded_ok"] = handle.read() == bytes(range(256)) * 4
try:
    client.get_model_version_by_alias("fraud-model", "nope")
except MlflowException as error:
    out["missing_alias"] = error.error_code
try:
    mlflow.log_param("x", "1")  # no active run: fine, creates one in "fraud"
    mlflow.end_run()
    with mlflow.start_run(run_id=run_id):
        mlflow.log_param("lr", "0.02")
except MlflowException as error:
    out["changed_param"] = error.error_code
try:
    client.create_registered_model("fraud-model")
except MlflowException as error:
    out["duplicate_model"] = error.error_code
try:
    client.create_registered_model("has space")
except MlflowException as error:
    out["bad_name"] = error.error_code

# MLflow 3 logged models, the calls `<flavor>.log_model` makes (this client has no numpy for a
# flavor): create, upload, finalize, link as the run's output, register models:/m-…, tag.
from mlflow.entities import LoggedModelOutput, LoggedModelStatus

model = client.create_logged_model(experiment.experiment_id, name="model", source_run_id=run_id,
                                   params={"lr": "0.01"})
out["logged_status"] = str(model.status)
with tempfile.TemporaryDirectory() as directory:
    with open(os.path.join(directory, "MLmodel"), "w") as handle:
        handle.write("flavors: {python_function: {}}\n")
    with open(os.path.join(directory, "model.pkl"), "wb") as handle:
        handle.write(b"\x80\x04weights")
    client.log_model_artifacts(model.model_id, directory)
ready = client.finalize_logged_model(model.model_id, LoggedModelStatus.READY)
out["logged_ready"] = str(ready.status)
client.log_outputs(run_id, [LoggedModelOutput(model.model_id, 3)])
out["model_outputs"] = [o.model_id for o in client.get_run(run_id).outputs.model_outputs]
out["logged_model_id"] = model.model_id
logged = mlflow.register_model(f"models:/{model.model_id}", "fraud-model")
out["logged_version"] = logged.version
out["logged_version_run"] = client.get_model_version("fraud-model", logged.version).run_id
out["logged_tags"] = client.get_logged_model(model.model_id).tags.get("mlflow.modelVersions")
client.set_registered_model_alias("fraud-model", "production", logged.version)
with tempfile.TemporaryDirectory() as directory:
    local = mlflow.artifacts.download_artifacts("models:/fraud-model@production", dst_path=directory)
    out["production_files"] = sorted(os.listdir(local))
found = client.search_logged_models([experiment.experiment_id], filter_string="name = 'model'")
out["logged_search"] = [m.model_id for m in found]
print(json.dumps(out))
