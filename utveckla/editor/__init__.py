"""Editor tools: the command line, scaffolding, schemas, importers, the guide and the form editor."""
