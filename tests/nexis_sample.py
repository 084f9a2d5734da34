"""The paragraphs of a fictional Nexis Uni Word export, and a writer for them (python-docx),
so that tests can build variants of the sample (cut off, without a date, ...)."""

from __future__ import annotations

from pathlib import Path

NBSP = "\u00a0"
COVER = ["User Name: Fictional Library", "Date and Time: Friday, March 20, 2015 9:15:00 AM GMT",
         "Job Number: 12345", "Documents (2)", "1. Port Alden dockers strike over rota",
         "Client/Matter: -None-", "Search Terms: port alden strike",
         "Search Type: Terms and Connectors", "2. Union and authority agree to talk"]
ARTICLE_1 = ["Port Alden dockers strike over rota", "The Alden Courier",
             "March 12, 2015 Thursday", "Final Edition",
             "Copyright 2015 Alden Courier Media Ltd All Rights Reserved",
             f"Section:{NBSP}NEWS; Pg. 4", f"Length:{NBSP}58 words",
             f"Byline:{NBSP}Ilse Markova", f"Highlight:{NBSP}The union calls the rota unsafe",
             "Body",
             "Dockworkers at Port Alden stopped work on Wednesday night, the union said.",
             '"Nobody can lift containers safely at four in the morning," said Tomas Brennick.',
             "Graphic", "Cranes at the east quay stood still.",
             "Classification", f"Language:{NBSP}ENGLISH", f"Publication-Type:{NBSP}Newspaper",
             f"Subject:{NBSP}STRIKES (90%); PORTS (88%)",
             f"Load-Date:{NBSP}March 13, 2015", "End of Document"]
ARTICLE_2 = ["Union and authority agree to talk", "Harbour Weekly", "March 16, 2015 Monday",
             f"Length:{NBSP}30 words", "Body",
             "The union and the harbour authority will meet on Monday.",
             "Ships were still waiting offshore.",
             f"Load-Date:{NBSP}March 17, 2015", "End of Document"]
PARAGRAPHS = [*COVER, *ARTICLE_1, *ARTICLE_2]


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    """A Word file with one paragraph per string."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path
