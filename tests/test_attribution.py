"""Attribution: each form of quoted and reported speech, speakers, actors, and the traps.

The small articles here are written for the tests (fictional people and places), so they
check the rules on text the extractor was not tuned on.
"""

from __future__ import annotations

import pytest

from biaskit import Codebook, Document
from biaskit.attribution.records import COLUMNS, attributions_frame, extract_attributions

BOOK = Codebook.from_dict({
    "sides": {
        "army": {"label": "Tarsian army", "actors": {
            "dorn": {"label": "Piotr Dorn", "aliases": ["Piotr Dorn", "Dorn", "General Dorn"]},
            "brask": {"label": "Ivo Brask", "aliases": ["Ivo Brask", "Brask"]},
            "ministry": {"label": "Tarsian Defence Ministry",
                         "aliases": ["Tarsian Defence Ministry", "Defence Ministry"]},
        }},
        "monitors": {"label": "Northfield Monitoring Centre", "actors": {
            "centre": {"label": "Northfield Monitoring Centre",
                       "aliases": ["Northfield Monitoring Centre", "Northfield centre"]},
            "osei": {"label": "Lena Osei", "aliases": ["Lena Osei", "Osei"]},
        }},
    },
})


def statements(*paragraphs: str, title: str = "Strikes in the north",
               standfirst: str = "") -> list:
    doc = Document.from_parts("t", title, list(paragraphs), standfirst=standfirst)
    found = extract_attributions(doc, BOOK)
    for row in found:
        assert doc.text[row.start:row.end] == row.content
    return found


def summary(found) -> list[tuple[str, str, str, str]]:
    return [(a.speaker, a.actor, a.mode, a.cue) for a in found]


# -- direct quotes -----------------------------------------------------------------------------

def test_direct_quote_with_tag_after_and_apposition_label():
    found = statements("“We went in at night,” said Lena Osei, the centre’s lead investigator.")
    assert summary(found) == [("Lena Osei", "osei", "direct", "say")]
    assert found[0].content == "We went in at night"
    assert found[0].speaker_label == "the centre’s lead investigator"


def test_an_apposition_before_the_name_is_its_label_only_when_a_comma_closes_it():
    (set_off,) = statements("Its chair, Lena Osei, said the alliance stood by its results.")
    (end_tag,) = statements("The wells are dry, Lena Osei told reporters.")
    assert set_off.speaker_label == "Its chair"
    assert (end_tag.speaker, end_tag.speaker_label) == ("Lena Osei", "")
    assert end_tag.content == "The wells are dry"


def test_quote_of_several_sentences_is_one_statement():
    found = statements('"We went in at night. We found the bodies at dawn. Nobody helped," '
                       "Osei said.")
    assert summary(found) == [("Osei", "osei", "direct", "say")]
    assert found[0].content.startswith("We went in") and found[0].content.endswith("helped")


def test_quote_running_over_paragraphs_continues_until_it_closes():
    found = statements(
        "“We interviewed 40 survivors in three villages. Every one described the same aircraft.",
        "“The pattern is clear and it is documented,” Lena Osei told reporters.")
    assert summary(found) == [("Lena Osei", "osei", "direct", "tell")]
    assert "40 survivors" in found[0].content and "documented" in found[0].content


def test_quote_split_by_its_tag_is_one_direct_statement():
    found = statements("Lena Osei spoke in Geneva.",
                       "“We interviewed survivors,” she said, “so that nobody could doubt it.”")
    assert summary(found) == [("Lena Osei", "osei", "direct", "say")]
    assert found[0].content.endswith("so that nobody could doubt it")


def test_quote_after_a_colon():
    found = statements("Dorn said: “The centre never checked its sources.”")
    assert summary(found) == [("Dorn", "dorn", "direct", "say")]


def test_quote_after_the_tag_in_its_paragraph_continues_the_statement():
    found = statements("“We stand by every figure,” Osei said. “Our methods are public.”")
    assert summary(found) == [("Osei", "osei", "direct", "say")]
    assert found[0].content.endswith("Our methods are public")
    assert "continued by the next quote" in found[0].evidence


def test_floating_quote_in_the_next_paragraph_belongs_to_the_previous_speaker():
    found = statements("“We stand by every figure,” Osei said. “Our methods are public.”",
                       "“Anyone can check them against the satellite images.”")
    assert summary(found) == [("Osei", "osei", "direct", "say"),
                              ("Osei", "osei", "direct", "")]
    assert "floating quote" in found[1].evidence


def test_mixed_quote_paraphrase_with_quoted_fragment():
    found = statements('The Defence Ministry accused the centre of relying on "so-called '
                       'witnesses" paid by rebels.')
    assert summary(found) == [("Defence Ministry", "ministry", "mixed", "accuse")]


# -- reported speech ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, cue", [
    ("Dorn said that the strikes hit only military depots.", "say"),
    ("Dorn told reporters that the strikes hit only military depots.", "tell"),
    ("Dorn added that the strikes hit only military depots.", "add"),
    ("Dorn denied that the strikes hit any hospital.", "deny"),
    ("Dorn rejected the centre's findings as fabricated.", "reject"),
    ("Dorn dismissed the report as propaganda.", "dismiss"),
    ("Dorn accused the centre of lying.", "accuse"),
    ("Dorn claimed the strikes hit only military depots.", "claim"),
    ("Dorn insisted the strikes hit only military depots.", "insist"),
    ("Dorn admitted that one strike missed its target.", "admit"),
    ("Dorn urged the centre to share its evidence.", "urge"),
    ("Dorn called for an independent inquiry.", "call for"),
    ("Dorn demanded an apology from the centre.", "demand"),
    ("Dorn warned that further strikes would follow.", "warn"),
    ("Dorn said in a statement that the strikes hit only depots.", "say"),
    ("In a post on his channel, Dorn wrote that the strikes hit only depots.", "write"),
    ("Dorn ordered the centre to close its clinics.", "order"),
    ("Dorn sounded the alarm about the centre's figures.", "sound"),
])
def test_reporting_verbs_give_indirect_statements(sentence, cue):
    found = statements("General Piotr Dorn commands the northern front.", sentence)
    assert summary(found) == [("Piotr Dorn", "dorn", "indirect", cue)]
    assert "Dorn" not in found[0].content


def test_according_to_before_and_after_the_content():
    before = statements("According to the Northfield Monitoring Centre, 40 people died.")
    after = statements("Forty people died, according to the Northfield Monitoring Centre.")
    for found in (before, after):
        assert summary(found) == [("Northfield Monitoring Centre", "centre", "indirect",
                                   "according to")]
    assert before[0].content == "40 people died"
    assert after[0].content == "Forty people died"


def test_tag_at_the_end_of_an_indirect_sentence():
    found = statements("The strikes hit only military depots, the Defence Ministry said.")
    assert summary(found) == [("Defence Ministry", "ministry", "indirect", "say")]
    assert found[0].content == "The strikes hit only military depots"


def test_centre_concluded_and_found_need_a_clause():
    found = statements("The Northfield Monitoring Centre concluded that the strikes were "
                       "indiscriminate.", "Rescuers found two survivors in the rubble.")
    assert summary(found) == [("Northfield Monitoring Centre", "centre", "indirect", "conclude")]


# -- written and institutional sources ---------------------------------------------------------

def test_written_sources_speak_for_their_author():
    found = statements(
        "The Northfield Monitoring Centre published a report on Monday.",
        "The report said 40 civilians had been killed.",
        "A statement from the Tarsian Defence Ministry said the report was false.")
    assert [(a.speaker, a.actor) for a in found] == [
        ("The report", "centre"), ("A statement from the Tarsian Defence Ministry", "ministry")]


# -- headlines ---------------------------------------------------------------------------------

@pytest.mark.parametrize("title, speaker, actor, cue, mode", [
    ("Tarsia denies bombing civilians in the north", "Tarsia", "", "deny", "indirect"),
    ("Officials dispute UN findings", "Officials", "", "dispute", "indirect"),
    ("Ministry: 'No hospitals were hit'", "Tarsian Defence Ministry", "ministry", ":", "direct"),
    ("Northfield centre: 40 civilians killed in strikes", "Northfield Monitoring Centre",
     "centre", ":", "indirect"),
])
def test_headline_attributions(title, speaker, actor, cue, mode):
    found = statements("The Tarsian Defence Ministry rejected the figures.", title=title)
    assert found[0].position == "headline"
    assert (found[0].speaker, found[0].actor, found[0].cue, found[0].mode) == (
        speaker, actor, cue, mode)


# -- speakers ----------------------------------------------------------------------------------

def test_speaker_is_the_fullest_name_with_the_descriptor_kept_as_label():
    found = statements("The centre's lead investigator, Lena Osei, said 40 people died.",
                       "Osei added that the count was still rising.")
    # The descriptor the document gives a speaker stays with every statement of theirs.
    assert [(a.speaker, a.speaker_label) for a in found] == [
        ("Lena Osei", "The centre's lead investigator")] * 2


def test_he_after_his_deputy_is_the_deputy_not_the_general():
    found = statements(
        "General Piotr Dorn said the strikes were precise.",
        "His deputy, Colonel Ivo Brask, added that no hospital was hit.",
        "He said the army had video evidence.")
    assert [a.speaker for a in found] == ["Piotr Dorn", "Ivo Brask", "Ivo Brask"]
    assert "pronoun" in found[2].evidence


def test_it_and_definite_descriptions_resolve_to_organisations():
    found = statements(
        "The Northfield Monitoring Centre counted 40 dead in the town.",
        "It said most were women and children.",
        "The centre also said it had sent its data to the UN.")
    assert [(a.speaker, a.actor) for a in found] == [
        ("Northfield Monitoring Centre", "centre"), ("Northfield Monitoring Centre", "centre")]


def test_speakers_outside_the_codebook_stay_with_empty_actor_and_side():
    found = statements("Mayor Anna Kell said the shelter was full.")
    assert [(a.speaker, a.actor, a.side) for a in found] == [("Anna Kell", "", "")]


# -- precision traps ---------------------------------------------------------------------------

@pytest.mark.parametrize("paragraph", [
    "Troops launched “Operation Clear Sky” on Monday.",
    "The “Free Tarsia Front” controls the north.",
    "The so-called “humanitarian corridor” stayed closed.",
    "He offered no evidence for the claim.",
    "Tarsia has been accused of bombing hospitals.",
    "What does the ministry say?",
    "The Islamic State said nothing; the group's statement never came.",
])
def test_not_attributions(paragraph):
    found = statements(paragraph)
    assert [(a.speaker, a.content) for a in found if "Islamic" not in a.speaker] == []


def test_asked_not_to_be_named_is_not_a_statement_but_what_the_official_said_is():
    found = statements("A senior official, who asked not to be named, said the figures were "
                       "false.")
    assert [(a.speaker, a.cue, a.content) for a in found] == [
        ("A senior official", "say", "the figures were false")]


# -- positions and table -----------------------------------------------------------------------

def test_positions_headline_standfirst_lead_body():
    found = statements("Dorn said the strikes hit depots.", "Osei said 40 people died.",
                       title="Tarsia denies bombing civilians",
                       standfirst="Northfield centre says the army hit a clinic")
    assert [a.position for a in found] == ["headline", "standfirst", "lead", "body"]
    assert [a.block for a in found] == [0, 1, 2, 3]
    assert [a.paragraph for a in found] == [0, 0, 1, 2]  # as a reader counts: body from 1


def test_frame_has_the_documented_columns_and_evidence():
    doc = Document.from_parts("t", "Title", ["“We left,” Osei said."])
    frame = attributions_frame([doc], BOOK)
    assert tuple(frame.columns) == COLUMNS
    assert frame.columns[0] == "doc_id"
    row = frame.iloc[0]
    assert row.sentence == "“We left,” Osei said."
    assert row.content_words == 2 and row.quoted_words == 2
    assert 'cue "said"' in row.evidence and "alias of osei" in row.evidence


def test_unbalanced_quotes_do_not_crash_or_swallow_the_article():
    found = statements("“We never hit civilians, Dorn said.", "Osei said 40 people died.")
    assert summary(found)[-1] == ("Osei", "osei", "indirect", "say")


@pytest.mark.parametrize("cue", ["ſaid", "saıd", "ac\u212anowledged"])
def test_cue_spelled_with_a_letter_that_matches_ascii_only_ignoring_case(cue):
    # re.IGNORECASE lets ſ stand for s, ı and İ for i, the Kelvin sign for k; lower() keeps
    # them, and the cue lookup once failed with a KeyError that aborted the document.
    found = statements(f"Osei {cue} the convoy had been hit.")
    assert [(a.speaker, a.mode) for a in found] == [("Osei", "indirect")]
