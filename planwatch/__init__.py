"""planwatch: published improvement plans into one canonical dataset, and what changed
between editions."""
