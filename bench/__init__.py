"""Cuttings benchmarks: corpora, baseline engines, runners and the report (`python -m bench`).

Not tests: the numbers describe one machine on one day. `docs/benchmarks.md` is written from a
run; every figure there is a median of several runs with its spread, next to a baseline
measured in the same run.
"""
