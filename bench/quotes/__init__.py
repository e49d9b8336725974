"""The attribution evaluation: its sets (split.json, labels), the PolNeAR metric and its runner.

`bench/quote_eval.py` is the command; the modules here hold one idea each: `sets` loads the
gold quotations of each evaluation set, `metric` matches found quotes to gold ones and scores
them, `bootstrap` draws the 95% intervals, `documents` runs the ingest stages in-process.
"""
