"""Corpus runs: ordered batches on a process pool, the Dask engine, progress reporting."""
