"""Rules: one module per rule; :mod:`flowls.rules.registry` lists them all."""
