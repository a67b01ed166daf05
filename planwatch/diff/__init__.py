"""Matching actions across editions and listing what changed."""
