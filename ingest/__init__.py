"""Readers: a file in, the format-neutral Document out."""
