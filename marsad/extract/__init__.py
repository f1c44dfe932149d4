"""Extraction stages: one package per stage (entities, time, quotes, events, indicators)."""
