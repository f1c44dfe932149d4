"""Quotes with their speakers, channels and dates; the citations an article makes."""
