"""The ``--kestra-version`` option every flowlint command that reads flows takes."""

from __future__ import annotations

import argparse

from flowls.config import Config, version_setting


def add_version_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kestra-version", metavar="VERSION", help="the Kestra version of the flows: 1 or 2")


def apply_version_argument(config: Config, args: argparse.Namespace) -> None:
    """The option over the config file's ``kestra-version``."""
    if args.kestra_version is not None:
        config.kestra_version = version_setting("--kestra-version", "kestra-version", args.kestra_version)
