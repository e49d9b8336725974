"""The front doors: the Flask app (HTML pages and JSON API), accounts, and the `cuttings` CLI."""
