"""flowls: a language server and linter for Kestra flow YAML."""

__version__ = "0.1.0"
