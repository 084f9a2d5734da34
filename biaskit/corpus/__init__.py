"""Load, clean and segment: documents and corpora (:mod:`~biaskit.corpus.document`), loaders
for text files and folders (:mod:`~biaskit.corpus.files`) and for tables
(:mod:`~biaskit.corpus.tables`), cleaning (:mod:`~biaskit.corpus.cleaning`) and sentence
segmentation (:mod:`~biaskit.corpus.sentences`)."""
