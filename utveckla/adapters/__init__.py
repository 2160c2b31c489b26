"""Adapters to site generators; the only layer that imports one."""
