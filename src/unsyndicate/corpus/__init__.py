"""The corpus side: many pages in, many records out.

The top-level modules turn one page into an Article (:func:`unsyndicate.parse`) and Articles
into groups of copies (:mod:`unsyndicate.trace`). This package runs them over a corpus:

- :mod:`.items` and :mod:`.inputs`: command-line arguments (files, directories, globs, stdin)
  expanded into input items, and each item's bytes, read within a size limit;
- :mod:`.warc`: web archives (WARC and ARC) read as a stream of pages (the ``[warc]`` extra);
- :mod:`.batch`: a function run over a stream of items in worker processes, in input order;
- :mod:`.convert`: what each ``normalize`` worker does with one input;
- :mod:`.outputs` and :mod:`.progress`: where results are written, and the progress line;
- :mod:`.trace_inputs`: what ``normalize trace`` reads (Article JSON lines, or pages);
- :mod:`.dask`: archives and tracing on a Dask cluster (the ``[dask]`` extra).

``unsyndicate.warc`` and ``unsyndicate.dask`` remain the public names of the last two.
"""
