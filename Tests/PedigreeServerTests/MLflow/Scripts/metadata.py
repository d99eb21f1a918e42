"""Registered-model and experiment metadata through the real client: prints the steps' outcomes
and what the server answered afterwards."""
import json

from client_steps import attempt, client, out


experiment = client.create_experiment("metadata")
attempt("set_experiment_tag", lambda: client.set_experiment_tag(experiment, "team", "risk"))
attempt("set_experiment_tag_again", lambda: client.set_experiment_tag(experiment, "team", "fraud"))
out["experiment_tags"] = client.get_experiment(experiment).tags
attempt("set_tag_unknown_experiment", lambda: client.set_experiment_tag("999", "k", "v"))

client.create_registered_model("fraud-detector", description="first")
client.create_registered_model("churn")
attempt("update", lambda: client.update_registered_model("fraud-detector", description="scores card payments"))
attempt("set_model_tag", lambda: client.set_registered_model_tag("fraud-detector", "owner", "risk-team"))
attempt("set_model_tag_2", lambda: client.set_registered_model_tag("fraud-detector", "tier", "1"))
attempt("delete_model_tag", lambda: client.delete_registered_model_tag("fraud-detector", "tier"))
attempt("delete_missing_model_tag", lambda: client.delete_registered_model_tag("fraud-detector", "tier"))
attempt("update_unknown", lambda: client.update_registered_model("nope", description="x"))
model = client.get_registered_model("fraud-detector")
out["description"] = model.description
out["model_tags"] = model.tags

run = client.create_run(experiment)
version = client.create_model_version("fraud-detector", "s3://bucket/model.onnx", run.info.run_id)
client.set_model_version_tag("fraud-detector", version.version, "validated", "yes")
client.set_model_version_tag("fraud-detector", version.version, "gate", "passed")
attempt("delete_version_tag", lambda: client.delete_model_version_tag("fraud-detector", version.version, "gate"))
out["version_tags"] = client.get_model_version("fraud-detector", version.version).tags

out["search_all"] = [m.name for m in client.search_registered_models()]
out["search_like"] = [m.name for m in client.search_registered_models(filter_string="name LIKE 'fraud%'")]
out["search_ilike"] = [m.name for m in client.search_registered_models(filter_string="name ILIKE '%CHURN%'")]
out["search_tag"] = [m.name for m in client.search_registered_models(filter_string="tags.owner = 'risk-team'")]
out["search_desc"] = [m.name for m in client.search_registered_models(order_by=["name DESC"])]
first = client.search_registered_models(max_results=1)
out["page_1"] = [m.name for m in first]
out["page_2"] = [m.name for m in client.search_registered_models(max_results=1, page_token=first.token)]
attempt("search_bad_filter", lambda: client.search_registered_models(filter_string="creation_timestamp > 5"))

# MLflow's quickstart name: a space, which Pedigree's names do not take.
import mlflow  # noqa: E402

quickstart = mlflow.set_experiment("MLflow Quickstart")
with mlflow.start_run():
    mlflow.log_param("lr", "0.01")
again = mlflow.set_experiment("MLflow Quickstart")
out["quickstart_same_id"] = again.experiment_id == quickstart.experiment_id
out["quickstart_name"] = client.get_experiment(quickstart.experiment_id).name
attempt("clash_exact", lambda: client.create_experiment("MLflow-Quickstart"))
attempt("clash_mapped", lambda: client.create_experiment("MLflow / Quickstart"))
attempt("create_again", lambda: client.create_experiment("MLflow Quickstart"))
out["experiments"] = sorted(e.name for e in client.search_experiments())
print(json.dumps(out))
