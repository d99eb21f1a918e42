"""What the MLflow client sees of Pedigree's tokens: prints {step: "ok" | error_code}.

Credentials come from the environment as MLflow reads them (MLFLOW_TRACKING_TOKEN, or
MLFLOW_TRACKING_USERNAME/PASSWORD); argv[1] names the experiment to create.
"""
import json
import sys

from client_steps import attempt, client, out


attempt("read", lambda: client.search_experiments())
attempt("write", lambda: client.create_experiment(sys.argv[1]))
print(json.dumps(out))
