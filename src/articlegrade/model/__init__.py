"""Trained models: JSON files (no pickle), stamped and checksummed."""

from .storage import ModelFile, load_model, model_path, models_dir, save_model

__all__ = ["ModelFile", "load_model", "model_path", "models_dir", "save_model"]
