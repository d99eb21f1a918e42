"""MLflow's alias calls against Pedigree: prints {step: "ok" | error_code | value}.

argv[1] is the step:
  setup   - an experiment, a run, model "fraud" with versions 1 and 2, production 1 -> 2, staging 1
  delete  - delete_registered_model_alias, then what the client reads back
  guarded - set and delete production (a policy may refuse them)
"""
import json
import sys

from client_steps import attempt, client, out


step = sys.argv[1]
if step == "setup":
    experiment = client.create_experiment("aliases")
    run = client.create_run(experiment)
    client.set_terminated(run.info.run_id)
    client.create_registered_model("fraud")
    for n in (1, 2):
        client.create_model_version("fraud", f"s3://bucket/fraud/{n}", run_id=run.info.run_id)
    client.set_registered_model_alias("fraud", "production", "1")
    client.set_registered_model_alias("fraud", "production", "2")
    client.set_registered_model_alias("fraud", "staging", "1")
    out["aliases"] = dict(client.get_registered_model("fraud").aliases)
elif step == "delete":
    attempt("delete", lambda: client.delete_registered_model_alias("fraud", "production"))
    attempt("get_removed", lambda: client.get_model_version_by_alias("fraud", "production"))
    out["aliases"] = dict(client.get_registered_model("fraud").aliases)
    out["version2_aliases"] = list(client.get_model_version("fraud", "2").aliases)
    out["staging"] = client.get_model_version_by_alias("fraud", "staging").version
    attempt("delete_again", lambda: client.delete_registered_model_alias("fraud", "production"))
    attempt("delete_never_set", lambda: client.delete_registered_model_alias("fraud", "champion"))
    attempt("delete_unknown_model", lambda: client.delete_registered_model_alias("nope", "production"))
    attempt("delete_bad_alias", lambda: client.delete_registered_model_alias("fraud", "bad alias"))
elif step == "guarded":
    attempt("set", lambda: client.set_registered_model_alias("fraud", "production", "1"))
    attempt("delete", lambda: client.delete_registered_model_alias("fraud", "production"))
print(json.dumps(out))
