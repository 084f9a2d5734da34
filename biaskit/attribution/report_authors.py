"""Who wrote a report, where the text says so ('a report published by Amnesty International',
'Amnesty's report'): the authors a document source resolves to
(:class:`biaskit.attribution.speakers.Resolver`)."""

from __future__ import annotations

import re

# Each pattern with a cheap one that every match of it contains: most windows have none, and
# the cheap pattern starts with a fixed character that the engine can skip ahead to.
_AUTHOR_PATTERNS = (
    (re.compile(r"report(?<!\wreport)s?\s+(?:(?:made|published|released|issued|compiled|"
                r"written|produced)\s+)?by ([^.,;]{3,80})"), re.compile("by ")),
    (re.compile(r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)(?:’s|'s)\s+(?:\w+\s+)?report"),
     re.compile(r"(?:’s|'s)\s+(?:\w+\s+)?report")),
    (re.compile(r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)(?:, [^,.;]{1,60},)?\s+(?:has\s+|had\s+)?"
                r"(?:published|released|issued)\s+(?:a|its|the)\s+(?:\w+\s+)?report"),
     re.compile("published|released|issued")),
    (re.compile(r"\b[Ii]n\s+(?:the|its|a)\s+report,\s+([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"),
     re.compile("report,")),
)


# "report(s)" as a word in any case. Patterns here start with a letter, not "\b", and spell
# the cases out instead of using re.IGNORECASE (which also lets "ſ" be an "s"), so that the
# engine jumps from one candidate letter to the next instead of trying every position.
_REPORT = re.compile(r"[Rr](?<!\w[Rr])[Ee][Pp][Oo][Rr][Tt][Ssſ]?\b")


def report_authors(text: str) -> list[tuple[int, str]]:
    """Where the text names who wrote a report: 'reports made by ... Amnesty International'."""
    found = set()
    for report in _REPORT.finditer(text):  # look only around the word, not the whole text
        lo, hi = max(0, report.start() - 120), min(len(text), report.end() + 100)
        for pattern, contained in _AUTHOR_PATTERNS:
            if contained.search(text, lo, hi):
                for match in pattern.finditer(text, lo, hi):
                    found.add((match.start(1), match.group(1)))
    return sorted(found)
