"""Search: the query model, one engine interface with Whoosh behind it, and the one path
(`index.sync.Archive`) that keeps the index in step with the catalog."""
