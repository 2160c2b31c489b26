"""The content layer: the models, loading, validation and the text rules every other layer uses."""
