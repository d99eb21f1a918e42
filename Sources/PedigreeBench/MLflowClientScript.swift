/// The server benchmark's client: one unchanged MLflow client script, run against `pedigree serve`
/// and against `mlflow server` (see `ServerBenchmark`). `pedigree-bench --mlflow-client PYTHON`
/// writes it to `DIR/mlflow_client.py`, so it can also be run by hand:
/// `python DIR/mlflow_client.py http://127.0.0.1:8080 --runs 10 --metrics 10 --steps 50`.
enum MLflowClientScript {
  static let source = #"""
    """The server benchmark's MLflow client: unchanged MLflow client code against a tracking server.

    Usage: python mlflow_client.py URL [--runs N] [--metrics M] [--steps S] [--experiment E]
                                       [--model NAME]

    Logs N runs into experiment E (default "bench"), each with params and tags (one log_params, one set_tags),
    S steps of per-step logging (log_metric of "loss" and log_metrics of the M metrics, the usual
    training loop: one request each), the same M metrics' whole histories again as bulk log_batch
    calls (1000 points per request, MLflow's cap) under "bulk.*" keys, one dataset input (what
    mlflow.log_input sends), one artifact and a small model directory (log_artifact, log_artifacts).
    Then registers every run's model as a version of NAME, moves the alias "champion" onto each
    version in turn, searches runs, reads every metric history of every run and downloads
    models:/NAME@champion. Prints one JSON document: the wall time of every phase (seconds, summed
    over its calls) and the client's own CPU time in it (what no server can take away), the
    totals, the sizes and what it wrote (run ids, versions, points).
    """
    import argparse
    import json
    import os
    import tempfile
    import time

    import mlflow
    from mlflow import MlflowClient
    from mlflow.entities import Dataset, DatasetInput, InputTag, Metric

    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--metrics", type=int, default=10)
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--experiment", default="bench")
    parser.add_argument("--model", default="bench-model")
    options = parser.parse_args()

    phases = {}


    class phase:
        """Adds the wall time and the client's CPU time of a `with` block to phases[name]."""

        def __init__(self, name):
            self.name = name

        def __enter__(self):
            self.start = (time.perf_counter(), time.process_time())

        def __exit__(self, *_):
            wall, cpu = phases.get(self.name, (0.0, 0.0))
            phases[self.name] = (
                wall + time.perf_counter() - self.start[0], cpu + time.process_time() - self.start[1])


    started = time.perf_counter()
    with phase("set_experiment"):
        mlflow.set_tracking_uri(options.url)
        client = MlflowClient()
        experiment = mlflow.set_experiment(options.experiment)

    scratch = tempfile.mkdtemp(prefix="mlflow-bench-")
    notes = os.path.join(scratch, "notes.txt")
    with open(notes, "w") as handle:
        handle.write("benchmark notes\n" * 64)
    model_directory = os.path.join(scratch, "model")
    os.makedirs(model_directory)
    with open(os.path.join(model_directory, "MLmodel"), "w") as handle:
        handle.write("artifact_path: model\nflavors: {}\n")

    metric_keys = [f"m{index}" for index in range(options.metrics)]
    run_ids = []
    for run_index in range(options.runs):
        with phase("start_run"):
            run = mlflow.start_run(run_name=f"run-{run_index}")
        run_id = run.info.run_id
        run_ids.append(run_id)
        with phase("log_params_tags"):
            mlflow.log_params({f"p{index}": f"{run_index * 31 + index}" for index in range(20)})
            mlflow.set_tags({"team": "bench", "shard": str(run_index % 4)})
        with phase("log_metric_per_step"):
            for step in range(options.steps):
                mlflow.log_metric("loss", 1.0 / (step + 1) + run_index * 1e-3, step=step)
                mlflow.log_metrics(
                    {key: (index + 1) * 0.01 * step + run_index for index, key in enumerate(metric_keys)},
                    step=step)
        with phase("log_batch_history"):
            now = int(time.time() * 1000)
            points = [
                Metric(f"bulk.{key}", index * 0.5 + step * 0.001, now + step, step)
                for index, key in enumerate(metric_keys) for step in range(options.steps)]
            for offset in range(0, len(points), 1000):
                client.log_batch(run_id, metrics=points[offset:offset + 1000], synchronous=True)
        with phase("log_input"):
            dataset = Dataset(
                name="train", digest=f"{run_index % 5:08x}", source_type="http",
                source=json.dumps({"url": f"https://example.com/train-{run_index % 5}.csv"}),
                profile=json.dumps({"num_rows": 1000}))
            client.log_inputs(run_id, [DatasetInput(dataset, [InputTag("mlflow.data.context", "training")])])
        with phase("log_artifact"):
            mlflow.log_artifact(notes)
            with open(os.path.join(model_directory, "weights.bin"), "wb") as handle:
                handle.write(run_index.to_bytes(4, "little") * 4096)
            mlflow.log_artifacts(model_directory, artifact_path="model")
        with phase("end_run"):
            mlflow.end_run()

    versions = []
    for run_id in run_ids:
        with phase("register_model"):
            version = mlflow.register_model(f"runs:/{run_id}/model", options.model)
        versions.append(version.version)
        with phase("set_alias"):
            client.set_registered_model_alias(options.model, "champion", version.version)

    with phase("search_runs"):
        found = []
        for shard in range(4):
            found.append(len(client.search_runs(
                [experiment.experiment_id], filter_string=f"tags.shard = '{shard}' and metrics.loss < 1",
                order_by=["metrics.m0 DESC"])))
        everything = mlflow.search_runs(experiment_names=[options.experiment], output_format="list")

    history_points = 0
    with phase("get_metric_history"):
        for run_id in run_ids:
            for key in ["loss"] + metric_keys + [f"bulk.{key}" for key in metric_keys]:
                history_points += len(client.get_metric_history(run_id, key))

    with phase("download_model"):
        local = mlflow.artifacts.download_artifacts(
            f"models:/{options.model}@champion", dst_path=os.path.join(scratch, "download"))
        downloaded = sorted(os.listdir(local))
    champion = client.get_model_version_by_alias(options.model, "champion").version

    total = time.perf_counter() - started
    print(json.dumps({
        "phases": [{"name": name, "seconds": round(wall, 6), "client_cpu_seconds": round(cpu, 6)}
                   for name, (wall, cpu) in phases.items()],
        "total_seconds": round(total, 6),
        "client_cpu_seconds": round(time.process_time(), 6),
        "size": {"runs": options.runs, "metrics": options.metrics, "steps": options.steps},
        "run_ids": run_ids, "versions": versions, "champion": champion,
        "search_counts": found, "search_all": len(everything),
        "history_points": history_points, "downloaded": downloaded,
    }))
    """#
}
