"""YAML as Kestra's Jackson writes it (``yaml`` filter) and reads it (``yaml`` function).

``dump`` is ``YamlFilter``'s ``writeValueAsString``; ``load`` is ``YamlFunction``'s ``readValue``.
Both raise ``JacksonError`` carrying the message of the exception Jackson would throw."""

from flowls.pebble.jackson_yaml.errors import JacksonError
from flowls.pebble.jackson_yaml.reader import load
from flowls.pebble.jackson_yaml.writer import dump

__all__ = ["JacksonError", "dump", "load"]
