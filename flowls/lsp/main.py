"""``flowls``: the language server on stdio (``--tcp`` for debugging). Logs go to stderr."""

from __future__ import annotations

import argparse
import logging
import sys

from flowls import __version__


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="flowls", description="Language server for Kestra flows.")
    parser.add_argument("--tcp", action="store_true", help="serve on TCP instead of stdio (for debugging)")
    parser.add_argument("--host", default="127.0.0.1", help="TCP address (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=2087, help="TCP port (default 2087)")
    parser.add_argument("--log-level", default="WARNING", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    parser.add_argument("--version", action="version", version=f"flowls {__version__}")
    args = parser.parse_args(argv)
    # stdout carries the protocol: everything else goes to stderr.
    logging.basicConfig(
        stream=sys.stderr, level=args.log_level, format="%(asctime)s %(name)s %(levelname)s %(message)s"
    )
    if args.log_level != "DEBUG":
        logging.getLogger("pygls").setLevel(max(logging.WARNING, logging.getLevelName(args.log_level)))

    from flowls.lsp.handlers import create_server  # after logging is set up

    server = create_server()
    if args.tcp:
        server.start_tcp(args.host, args.port)
    else:
        server.start_io()
