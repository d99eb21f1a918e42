"""What the MLflow client sees of Pedigree's tokens: prints {step: "ok" | error_code}.

Credentials come from the environment as MLflow reads them (MLFLOW_TRACKING_TOKEN, or
MLFLOW_TRACKING_USERNAME/PASSWORD); argv[1] names the experiment to create.
"""
import json
import sys

import mlflow
from mlflow import MlflowClient
from mlflow.exceptions import MlflowException, RestException

out = {}
client = MlflowClient()


def attempt(step, call):
    try:
        call()
        out[step] = "ok"
    except RestException as error:
        out[step] = error.error_code
    except MlflowException as error:
        out[step] = "mlflow:" + error.error_code


attempt("read", lambda: client.search_experiments())
attempt("write", lambda: client.create_experiment(sys.argv[1]))
print(json.dumps(out))
