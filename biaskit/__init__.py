"""biaskit: compare how news outlets present the two sides of a contested story.

The data flows one way: load -> clean -> segment -> analyse -> aggregate -> present.

>>> import biaskit
>>> corpus = biaskit.load_corpus("corpora/syria-2015")          # doctest: +SKIP
>>> codebook = biaskit.load_codebook("corpora/syria-2015/codebook.yaml")  # doctest: +SKIP
"""

from biaskit.attribution.balance import balance_index, side_balance, source_balance, voice_positions
from biaskit.attribution.records import Attribution, attributions_frame, extract_attributions
from biaskit.codebook import Actor, Claim, Codebook, Side, load_codebook
from biaskit.corpus.document import Block, Corpus, Document, Problem
from biaskit.corpus.files import load_corpus, load_document, load_folder
from biaskit.corpus.sentences import (
    Sentence,
    corpus_summary,
    document_sentences,
    sentences_frame,
    split_sentences,
)
from biaskit.corpus.tables import corpus_from_frame, load_table
from biaskit.errors import BiaskitError, InputError
from biaskit.readability import readability_frame  # noqa: F401 - and textstat works offline
from biaskit.validation.evaluate import (
    evaluate_attributions,
    load_gold,
    read_gold,
    score_attributions,
)

__version__ = "0.1.0"

__all__ = [
    "Actor", "Attribution", "BiaskitError", "Block", "Claim", "Codebook", "Corpus", "Document",
    "InputError", "Problem", "Sentence", "Side", "attributions_frame", "balance_index",
    "corpus_from_frame", "corpus_summary", "document_sentences", "evaluate_attributions",
    "extract_attributions",
    "load_codebook", "load_corpus", "load_document", "load_folder", "load_gold", "load_table",
    "read_gold", "score_attributions", "sentences_frame", "side_balance", "source_balance",
    "split_sentences", "voice_positions",
]
