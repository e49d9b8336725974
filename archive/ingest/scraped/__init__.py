"""The scraped-text cleaner: site and forum chrome, captions, pull quotes, metadata lines."""
