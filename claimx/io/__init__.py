"""Input and output: decoding and reading inputs, rendering, the JSON Schema, terminal and
spreadsheet safety."""
