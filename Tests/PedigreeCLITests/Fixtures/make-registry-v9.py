"""Extras for the schema-9 fixture: experiment tags and registered-model metadata."""
from mlflow import MlflowClient

client = MlflowClient()
client.create_experiment("tagged", tags={"owner": "risk"})
client.create_registered_model("meta-model", tags={"tier": "1"}, description="first words")
for call in (lambda: client.update_registered_model("meta-model", description="second words"),
             lambda: client.set_registered_model_tag("meta-model", "tier", "2"),
             lambda: client.delete_registered_model_tag("meta-model", "tier")):
    try:
        call()
    except Exception as error:
        print("skipped:", str(error)[:100])
