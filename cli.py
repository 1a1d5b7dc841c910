"""The ``mtkit`` command, run from a checkout: ``python cli.py check FILE``.

The command line lives in ``toolkit/cli.py`` (installed as the ``mtkit`` console script);
this shim keeps the design's top-level entry point without installing a bare ``cli`` module.
"""

from toolkit.cli import main

if __name__ == "__main__":
    main()
