"""Errors mtkit raises; the CLI turns each into one line on stderr and exit code 2."""


class MtkitError(Exception):
    """Base class of every error mtkit reports to a user."""


class InputError(MtkitError):
    """A file or text the user gave cannot be read or used."""


class UsageError(MtkitError):
    """Options that do not fit together or name unknown things."""


class ModelError(MtkitError):
    """A model that a command needs is missing or cannot be loaded."""
