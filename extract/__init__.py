"""Document to raw action records: table recognition, section context, keys, continuations."""
