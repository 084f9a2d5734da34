"""Shared fixtures: paths into the bundled corpus and small text files written on the fly."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "syria-2015"
SEED = CORPUS / "000_d287f8da5092c987.txt"
CODEBOOK = CORPUS / "codebook.yaml"


# Python lines that make every network call fail; prepended to code run in a subprocess.
BLOCK_NETWORK = """
import socket
def refuse(*args, **kwargs):
    raise OSError("network access attempted")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
"""


@pytest.fixture(scope="session")
def corpus():
    """The bundled corpus, loaded once for the whole run (documents are immutable)."""
    from biaskit import load_corpus

    return load_corpus(CORPUS)


@pytest.fixture(scope="session")
def codebook():
    """The bundled codebook."""
    from biaskit import load_codebook

    return load_codebook(CODEBOOK)


@pytest.fixture(scope="session")
def quotes(corpus, codebook):
    """Attributions of the bundled corpus."""
    from biaskit import attributions_frame

    return attributions_frame(corpus, codebook)


@pytest.fixture
def write(tmp_path):
    """write(name, content) puts a str (as UTF-8) or bytes into tmp_path and returns its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        return path

    return _write
