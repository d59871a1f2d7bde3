"""The batch engine: every input file through the stages, on an executor,
then one atomic publish.

- stages.py   one file -> its rows (`process_file`, never raises)
- runner.py   the run: worker processes, limits, row cache, the commit call
- cluster.py  the dask executor (the runner's per-document function on a cluster)
- commit.py   the run's parts -> a new store, swapped in at once
- manifest.py what the last run published; the per-document row cache
- io.py       reading inputs (paths, fsspec URLs) and writing Parquet stores
- lock.py     one writer per output folder
- partition.py Hive folders by council/year
- sidecar.py  `extract --meta FILE.csv`: values a batch job knows per paper

It imports the extractors and schemas, never the quality or analysis rooms.
"""
