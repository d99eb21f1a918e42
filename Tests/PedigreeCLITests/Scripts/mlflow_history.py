"""Writes an MLflow tracking database with the real MLflow client, for `pedigree import mlflow`.

    python mlflow_history.py DIR full      # a small history with every kind of thing
    python mlflow_history.py DIR bulk R    # R runs x 10 metrics x 100 steps, through log_batch

The database is DIR/mlflow.db, the artifacts DIR/mlruns. Prints one JSON line of facts to check.
"""

import json
import os
import sys
import time

import mlflow
from mlflow import MlflowClient
from mlflow.entities import Dataset, DatasetInput, InputTag, Metric, Param, RunTag

directory, mode = sys.argv[1], sys.argv[2]
os.chdir(directory)
mlflow.set_tracking_uri("sqlite:///mlflow.db")
client = MlflowClient()


def dataset(name, digest, rows):
    return Dataset(
        name=name, digest=digest, source_type="local",
        source=json.dumps({"uri": f"/data/{name}.csv"}),
        schema=json.dumps({"mlflow_colspec": [{"type": "double", "name": "x"}]}),
        profile=json.dumps({"num_rows": rows}))


def full():
    facts = {}
    experiment = client.create_experiment("fraud detection")
    with mlflow.start_run(experiment_id=experiment, run_name="xgb nightly") as run:
        mlflow.log_params({"lr": "0.01", "max_depth": "6"})
        for step in range(50):
            mlflow.log_metric("loss", 1.0 / (step + 1), step=step)
        mlflow.log_metric("weird", float("nan"), step=0)
        mlflow.log_metric("weird", float("inf"), step=1)
        mlflow.log_metric("weird", float("-inf"), step=2)
        mlflow.log_metric("val loss", 0.25, step=0)
        mlflow.set_tags({"team": "risk", "mlflow.source.git.commit": "9f2c1e7d" * 5})
        mlflow.log_text("hello", "notes/readme.txt")
        mlflow.log_text("weights v1", "model/model.bin")
        mlflow.log_text("name: fraud", "model/MLmodel")
        client.log_inputs(run.info.run_id, [
            DatasetInput(dataset("transactions", "fad98c68", 150), [InputTag("mlflow.data.context", "training")]),
            DatasetInput(dataset("labels", "0a1b2c3d", 150), [InputTag("mlflow.data.context", "eval")]),
        ])
        facts["run"] = run.info.run_id
    with mlflow.start_run(experiment_id=experiment, run_name="xgb retrain") as run:
        mlflow.log_param("lr", "0.02")
        mlflow.log_metric("loss", 0.1, step=0)
        mlflow.log_text("weights v2", "model/model.bin")
        client.log_inputs(run.info.run_id, [DatasetInput(dataset("transactions", "fad98c68", 150), [])])
        facts["second"] = run.info.run_id
    other = client.create_experiment("churn/v2")
    failed = client.create_run(other, run_name="crashed")
    client.log_metric(failed.info.run_id, "auc", 0.5, step=0)
    client.set_terminated(failed.info.run_id, "FAILED")
    facts["failed"] = failed.info.run_id
    deleted = client.create_run(other, run_name="oops")
    client.delete_run(deleted.info.run_id)
    facts["deleted"] = deleted.info.run_id
    client.create_registered_model("fraud-detector", description="flags fraud")
    first = client.create_model_version(
        "fraud-detector", f"runs:/{facts['run']}/model", run_id=facts["run"], description="first cut")
    client.set_model_version_tag("fraud-detector", first.version, "validated", "yes")
    second = client.create_model_version(
        "fraud-detector", client.get_run(facts["second"]).info.artifact_uri + "/model", run_id=facts["second"])
    time.sleep(0.01)
    client.set_registered_model_alias("fraud-detector", "champion", first.version)
    client.set_registered_model_alias("fraud-detector", "production", second.version)
    client.create_registered_model("churn model")
    client.create_model_version("churn model", "s3://bucket/churn/model", run_id=facts["failed"])
    client.set_registered_model_alias("churn model", "staging", "1")
    facts["updated"] = client.get_registered_model("fraud-detector").last_updated_timestamp
    return facts


def bulk(runs):
    experiment = client.create_experiment("bulk")
    started = time.time()
    base = int(started * 1000)
    for index in range(runs):
        run = client.create_run(experiment, run_name=f"run-{index}", start_time=base + index)
        metrics = [
            Metric(f"m{key}", (index * 7 + key * 3 + step) / 1000.0, base + step, step)
            for key in range(10) for step in range(100)
        ]
        for chunk in range(0, len(metrics), 1000):
            client.log_batch(run.info.run_id, metrics=metrics[chunk:chunk + 1000],
                             params=[Param("index", str(index))] if chunk == 0 else [])
        client.set_terminated(run.info.run_id, "FINISHED", end_time=base + index + 1000)
    return {"runs": runs, "seconds": time.time() - started}


print(json.dumps(full() if mode == "full" else bulk(int(sys.argv[3]))))
