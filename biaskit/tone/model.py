"""biaskit's tone model: the tone toward one mention, from VADER's lexicon and the mention's
context, by a logistic regression shipped as weights (``biaskit/data/tone_model.json``).

The model was fitted by ``scripts/train_tone_model.py`` (scikit-learn, at training time only)
on the train split of NewsMTSC (Hamborg and Donnay, EACL 2021, MIT licence): sentences from
US news, each target mention labelled by human coders with the sentiment the sentence
expresses toward it. At run time it is a dot product of the features of
:func:`biaskit.tone.target.target_features` with the weights: nothing is downloaded and
scikit-learn is not needed. The file records how it was trained and its held-out figure.

Its score for a mention is P(positive) - P(negative), in [-1, 1]; its label is the most
probable class.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any

from biaskit.errors import InputError
from biaskit.tone.scoring import LEXICON, compound
from biaskit.tone.target import Context, target_features

CLASSES = ("negative", "neutral", "positive")
MODEL_FILE = "tone_model.json"


@lru_cache(maxsize=1)
def load_model() -> dict[str, Any]:
    """The shipped model: ``classes``, ``intercept``, ``weights`` (feature -> one weight per
    class) and how it was trained (``training``)."""
    path = resources.files("biaskit") / "data" / MODEL_FILE
    try:
        model = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"biaskit's tone model {path} cannot be read: {error}",
                         hint="Reinstall biaskit, or train it again with "
                              "scripts/train_tone_model.py") from None
    if tuple(model.get("classes", ())) != CLASSES:
        raise InputError(f"biaskit's tone model {path} has classes {model.get('classes')}",
                         hint=f"The classes must be {', '.join(CLASSES)}")
    return model


def probabilities(features: dict[str, float], model: dict[str, Any] | None = None
                  ) -> tuple[float, float, float]:
    """P(negative), P(neutral), P(positive) of a mention with these features."""
    model = model or load_model()
    weights = model["weights"]
    negative, neutral, positive = model["intercept"]
    for name, value in features.items():
        row = weights.get(name)
        if row is not None and value:
            negative += row[0] * value
            neutral += row[1] * value
            positive += row[2] * value
    top = max(negative, neutral, positive)
    exps = [math.exp(v - top) for v in (negative, neutral, positive)]
    total = sum(exps)
    return exps[0] / total, exps[1] / total, exps[2] / total


def mention_features(context: Context) -> dict[str, float]:
    """The model's features of one mention's context (what training reads too)."""
    return target_features(context, compound, LEXICON)


def model_tone(context: Context) -> tuple[float, float, float, float, str]:
    """(P(negative), P(neutral), P(positive), score, label) of one mention's context."""
    p = probabilities(mention_features(context))
    label = CLASSES[max(range(3), key=lambda i: p[i])]
    return round(p[0], 4), round(p[1], 4), round(p[2], 4), round(p[2] - p[0], 4), label


def model_summary() -> str:
    """One line on the shipped model: what it was trained on and its held-out figure."""
    training = load_model().get("training", {})
    return (f"biaskit tone model ({training.get('model', 'logistic regression')}, trained on "
            f"{training.get('data', 'NewsMTSC train')}; held-out macro-F1 "
            f"{training.get('held_out_macro_f1', float('nan')):.3f})")
