"""Training commands for the models shipped in ``models/``: each module is runnable with
``python -m articlegrade.training.<name>``, reads ``../shared/data``, is seeded, and writes a JSON
model file with ``articlegrade.model.save_model``."""
