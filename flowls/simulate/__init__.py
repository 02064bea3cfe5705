"""The dry run: an execution of a flow simulated from its structure, without running anything."""
