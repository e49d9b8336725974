"""The archive proper: model, catalog, ingest pipeline, people and citations."""
