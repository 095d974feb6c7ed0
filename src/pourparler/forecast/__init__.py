"""Spatial forecast models: where each issue settles."""
