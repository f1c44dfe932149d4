"""Indicators to watch and hypotheses stated in analysis pieces."""
