"""biaskit: compare how news outlets present the two sides of a contested story.

The data flows one way: load -> clean -> segment -> analyse -> aggregate -> present.

>>> import biaskit
>>> corpus = biaskit.load_corpus("corpora/syria-2015")          # doctest: +SKIP
>>> codebook = biaskit.load_codebook("corpora/syria-2015/codebook.yaml")  # doctest: +SKIP
"""

from biaskit.codebook import Actor, Claim, Codebook, Side, load_codebook
from biaskit.corpus import (
    Block,
    Corpus,
    Document,
    Problem,
    corpus_from_frame,
    corpus_summary,
    load_corpus,
    load_document,
    load_folder,
    load_table,
)
from biaskit.errors import BiaskitError, InputError
from biaskit.sentences import Sentence, document_sentences, sentences_frame, split_sentences

__version__ = "0.1.0"

__all__ = [
    "Actor", "BiaskitError", "Block", "Claim", "Codebook", "Corpus", "Document", "InputError",
    "Problem", "Sentence", "Side", "corpus_from_frame", "corpus_summary", "document_sentences",
    "load_codebook", "load_corpus", "load_document", "load_folder", "load_table",
    "sentences_frame", "split_sentences",
]
