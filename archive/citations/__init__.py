"""Citation records and their writers: BibTeX, biblatex, RIS, CSL-JSON and formatted styles."""
