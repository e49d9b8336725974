"""The ingest pipeline: read, extract, segment, quotes, people, metadata."""
