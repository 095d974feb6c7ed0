"""Evidence: articles in, dated and sourced claims out, and the scenario updates they support.

ingest (read and check files) -> clean (strip page furniture, keep offsets) -> extract
(rule-based claims) -> store (SQLite) -> suggest (scenario updates citing the documents).
"""
