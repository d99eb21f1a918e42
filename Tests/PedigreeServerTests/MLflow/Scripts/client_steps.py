"""What the client scripts share: one MlflowClient, and `attempt`, which records each step as
"ok" or the error code the real client raised (RestException) or built (MlflowException)."""
from mlflow import MlflowClient
from mlflow.exceptions import MlflowException, RestException

out = {}
client = MlflowClient()


def attempt(step, call):
    try:
        result = call()
        out[step] = "ok"
        return result
    except RestException as error:
        out[step] = error.error_code
    except MlflowException as error:
        out[step] = "mlflow:" + error.error_code
    return None
