"""Run at scale: batches over worker processes (:mod:`~biaskit.runs.batches`), streamed runs
to Parquet (:mod:`~biaskit.runs.stream`) and runs on a Dask cluster
(:mod:`~biaskit.runs.on_dask`)."""
