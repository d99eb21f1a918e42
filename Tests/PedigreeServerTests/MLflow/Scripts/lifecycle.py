"""MLflow's lifecycle calls against Pedigree: prints {step: "ok" | error_code | value}."""
import json

from client_steps import attempt, client, out


experiment = client.create_experiment("lifecycle")
run = client.create_run(experiment)
run_id = run.info.run_id
client.set_tag(run_id, "stage", "a")
client.set_tag(run_id, "keep", "b")
attempt("delete_tag", lambda: client.delete_tag(run_id, "stage"))
out["tags"] = sorted(k for k in client.get_run(run_id).data.tags if not k.startswith("mlflow."))
attempt("delete_missing_tag", lambda: client.delete_tag(run_id, "stage"))
attempt("delete_run", lambda: client.delete_run(run_id))
attempt("restore_run", lambda: client.restore_run(run_id))
attempt("delete_unknown_run", lambda: client.delete_run("0" * 32))
attempt("delete_experiment", lambda: client.delete_experiment(experiment))
attempt("restore_experiment", lambda: client.restore_experiment(experiment))
attempt("delete_unknown_experiment", lambda: client.delete_experiment("999"))
out["run_status"] = client.get_run(run_id).info.lifecycle_stage
out["run_id"] = run_id
print(json.dumps(out))
