"""Quotation attribution: passages in, quotes with their speakers and the people quoted out.

Entry point: `archive.quotes.attribute.attribute(passages) -> Attribution` (the pipeline's
adapter is `archive.ingest.stages.attribute_quotes`). Pure: it reads passages and nothing else,
and imports nothing from `index/` or `web/`. The modules, in the order a passage meets them:

- `view`        the passage as the rules read it (doubled apostrophes, abbreviation dots)
- `spans`       where each quoted stretch begins and ends, and how quotes nest
- `speech`      whether a quoted stretch is someone's words
- `verbs`, `cues`  verbs of saying and the cue around a quote ("said Dr. Varga")
- `names`, `roles`, `genders`  names in running text, the roles around them, gender of names
- `mentions`, `cast`  the people and organisations a document introduces
- `rules`       the cue rules' proposal for each quote
- `sources`, `candidates`, `ranker`  every possible speaker, its features, the trained ranker
- `speakers`, `antecedents`  resolving pronouns and descriptions to the cast (the narration's
                own "he"/"she" followed in order, as a reader follows them)
- `choice`, `confidence`  the final speaker with its evidence and calibrated confidence
- `nested`      quotes inside quotes
- `state`, `attribute`  the running state (sources found when a quote asks) and the loop
- `weights`     the committed coefficients (written by bench/quotes/train.py)

How it decides, for librarians: docs/attribution.md. Figures: bench/quotes/README.md.
"""
