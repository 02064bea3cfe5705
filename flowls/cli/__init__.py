"""flowlint: the command-line adapter over :mod:`flowls.analysis`."""
