"""The archive proper: model, store, ingest pipeline, people and citations."""
