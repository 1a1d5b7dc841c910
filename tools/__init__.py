"""Builders, trainers and miners of the data under corpora/ (developer tools, not shipped)."""
