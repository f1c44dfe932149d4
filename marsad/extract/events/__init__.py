"""Event extraction: CAMEO-coded events with actors, place, date, mode and evidence."""
