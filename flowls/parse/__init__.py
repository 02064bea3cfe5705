"""Reading flow files: bytes to text, text to YAML nodes with exact ranges."""
