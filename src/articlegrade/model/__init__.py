"""Trained models: JSON files (no pickle), stamped and checksummed."""

from ..errors import ModelError
from .storage import ModelFile, load_model, model_path, models_dir, save_model

__all__ = ["ModelError", "ModelFile", "load_model", "model_path", "models_dir", "save_model"]
