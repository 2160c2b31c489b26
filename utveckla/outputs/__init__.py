"""Outputs: pages, feeds, the map, open data, images and the CSP, made from the views."""
