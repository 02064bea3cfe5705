"""Editor features over the core (completion, hover, navigation, symbols, actions): pure
functions of a :class:`flowls.features.document.FlowFile` and an offset, in core positions.
The language server converts them to LSP types; nothing here knows about LSP."""
