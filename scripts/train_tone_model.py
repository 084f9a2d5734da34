"""Train biaskit's tone model (biaskit/data/tone_model.json) from NewsMTSC's train split.

    pip install -e ".[train]"
    python scripts/train_tone_model.py ../shared/newsmtsc/train.jsonl

A logistic regression (scikit-learn) over the features of
biaskit.tone.target.target_features: VADER's scores of the mention's contexts, VADER's lexicon
near it, negation, contrast and position flags, and the words of its clause and predicate.
The regularisation strength is chosen on a held-out fifth of train (whole articles held out,
by a hash of the article id, so the same run gives the same split), then the model is fitted
on all of train. The dev splits are not read: score them once with
benchmarks/bench_tone_validity.py. The same data and versions give the same file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

from biaskit.tone.model import CLASSES, MODEL_FILE, mention_features
from biaskit.tone.spans import quotation_spans
from biaskit.tone.target import mention_context
from biaskit.tone.validity import read_newsmtsc

STRENGTHS = (0.03, 0.1, 0.3, 1.0)
MIN_COUNT = 2  # a word feature seen in fewer training targets is left out


def held_out(group: str) -> bool:
    """A fifth of the articles, fixed by the article id (the gid's first three fields)."""
    article = "_".join(group.split("_")[:3])
    return int(hashlib.sha256(article.encode()).hexdigest(), 16) % 5 == 0


def examples(path: Path) -> list[tuple[str, dict[str, float], str]]:
    rows, quotes = [], {}
    for target in read_newsmtsc(path):
        cut = quotes.setdefault(target.text, quotation_spans(target.text))
        context = mention_context(target.text, target.start, target.end, cut)
        rows.append((target.group, mention_features(context), target.gold))
    return rows


def fit(rows, strength: float) -> tuple[DictVectorizer, LogisticRegression]:
    counts: dict[str, int] = {}
    for _, features, _ in rows:
        for name in features:
            counts[name] = counts.get(name, 0) + 1
    kept = [{k: v for k, v in f.items() if "=" not in k or counts[k] >= MIN_COUNT}
            for _, f, _ in rows]
    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform(kept)
    model = LogisticRegression(C=strength, max_iter=5000, class_weight="balanced",
                               solver="lbfgs")
    model.fit(matrix, [gold for *_, gold in rows])
    return vectorizer, model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path, help="NewsMTSC train.jsonl")
    parser.add_argument("--out", type=Path,
                        default=Path(__file__).resolve().parents[1] / "biaskit" / "data"
                        / MODEL_FILE)
    args = parser.parse_args(argv)
    rows = examples(args.train)
    fitting = [r for r in rows if not held_out(r[0])]
    held = [r for r in rows if held_out(r[0])]
    scores = {}
    for strength in STRENGTHS:
        vectorizer, model = fit(fitting, strength)
        predicted = model.predict(vectorizer.transform([f for _, f, _ in held]))
        scores[strength] = f1_score([g for *_, g in held], predicted, average="macro")
        print(f"C={strength}: held-out macro-F1 {scores[strength]:.3f}", file=sys.stderr)
    best = max(STRENGTHS, key=lambda s: (scores[s], -s))
    vectorizer, model = fit(rows, best)
    order = [list(model.classes_).index(c) for c in CLASSES]
    weights = {name: [round(float(model.coef_[k, j]), 4) for k in order]
               for name, j in vectorizer.vocabulary_.items()}
    weights = {name: row for name, row in sorted(weights.items()) if any(row)}
    payload = {
        "format": 1,
        "classes": list(CLASSES),
        "intercept": [round(float(model.intercept_[k]), 4) for k in order],
        "training": {
            "model": "logistic regression (scikit-learn, class_weight=balanced)",
            "data": f"NewsMTSC train, {len(rows)} targets",
            "regularisation_C": best,
            "held_out": "a fifth of train's articles, by a hash of the article id",
            "held_out_macro_f1": round(scores[best], 3),
            "script": "scripts/train_tone_model.py",
        },
        "weights": weights,
    }
    args.out.write_text(json.dumps(payload, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(weights)} features, C={best}, held-out macro-F1 "
          f"{scores[best]:.3f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
