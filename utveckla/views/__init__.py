"""Views: what the pages show, computed from the validated site (no HTML, no files)."""
