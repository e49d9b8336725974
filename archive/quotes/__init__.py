"""Quotation attribution: passages in, quotes with their speakers and the people quoted out."""
