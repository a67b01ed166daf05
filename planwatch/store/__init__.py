"""The embedded SQLite store of every edition loaded."""
