"""Benchmarks: each module ``bench/<name>.py`` has ``main(argv) -> int`` and prints its results.

Run all with ``python -m bench`` (``make bench``) or one with ``python -m bench.<name>``.
They read ``../shared/corpus/`` and skip with a message when it is absent. Results that matter
are ratios measured in one run, so they hold on another machine.
"""
