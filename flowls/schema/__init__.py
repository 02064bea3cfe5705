"""Kestra's flow JSON schema: loading it, indexing its unions, validating flows against it."""
