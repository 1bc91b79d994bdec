"""Corpus runs: one run of many documents in input order (:mod:`~claimx.corpus.run`) on a
process pool or the Dask engine, progress reporting, and the aggregates across documents."""
