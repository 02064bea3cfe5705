"""The flowls language server: a thin pygls adapter over :mod:`flowls.features` and the core."""
