"""Pure, total normalisers: dates, statuses, lead codes, sign-offs, ids."""
