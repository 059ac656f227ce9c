"""Running a corpus: the engine-neutral run loop, the cache, and the engines (local, pool, Prefect, Dask)."""
