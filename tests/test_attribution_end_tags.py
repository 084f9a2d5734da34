"""Closing tags (forms/end_tags.py): '..., Kade said.', '..., said Ann Kade, a lawyer.',
'As Kade said, ...' and 'according to X', and what is no closing tag, on sentences written
for this project (fictional people, places and organisations)."""

from __future__ import annotations

import pytest
from attribution_cases import body


def test_an_apposition_ending_in_a_relative_clause_is_part_of_the_subject_not_content():
    # 'Ola Kade, a lawyer who was ..., criticized his rivals ...' is no closing tag whose
    # speaker is 'his rivals': Kade criticizes them
    rows = body("Ola Kade, a Varn lawyer who was first elected to the council in 2008, "
                "criticized his rivals for their silence.",
                "Ada Holm, a Brenn lawyer who represented the miners in the flooding case and "
                "the levy suit, invoked the town's history in hearings in June.",
                "The pumps have failed twice, said Ivo Lund, a lawyer who represented the miners.")
    assert [(r.speaker, r.cue) for r in rows] == [("Ola Kade", "criticize"),
                                                  ("Ada Holm", "invoke"), ("Ivo Lund", "say")]


def test_a_concessive_clause_before_the_comma_is_no_content_of_a_closing_tag():
    # Brekke does not say the plant is safe: Kade does, and the tag is the main clause. A tag
    # set off by commas reports the whole sentence around it, as a split quote does.
    rows = body("While Kade says the plant is safe, Brekke disagrees.",
                "Though the vote was close, Moro added, the count was fair.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Kade", "say", "the plant is safe"),
        ("Moro", "add", "Though the vote was close, Moro added, the count was fair")]


def test_a_participle_or_an_adverb_after_the_comma_is_no_speaker_of_a_closing_tag():
    # 'inviting fierce' did not ridicule anyone, 'practically' pleaded for nothing
    rows = body("Lund repeated the charge all week, inviting fierce ridicule from the "
                "mayor.",
                "At the camp, Ola Kade, 25, and her husband, Ivo Lund, 27, practically pleaded "
                "for understanding.",
                "They should be very, very worried.",
                "The pumps have failed, officials said.")
    assert [(r.speaker, r.cue) for r in rows] == [("Ivo Lund", "plead"), ("officials", "say")]


def test_a_passive_or_an_object_relative_clause_is_no_closing_tag():
    # the film is no statement of the Holms, and the preacher's extradition is no claim of
    # Kade's: Kade accuses him of plotting the coup
    rows = body("The film is a Varn fantasy, written and directed by Ada and Ola Holm.",
                "He also opened the door to the extradition of Ivo Lund, the preacher whom "
                "Kade accuses of plotting the coup.",
                "The deals did not require witnesses to cooperate, sources who reviewed them "
                "told the Herald.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Kade", "accuse", "of plotting the coup"),
        ("sources who reviewed them", "tell", "The deals did not require witnesses to cooperate")]


def test_an_as_clause_whose_verb_has_an_object_is_no_tag_of_the_main_clause():
    # 'As Marsh mocked his rival' is a clause of time: the son speaks in the main clause
    # (and 'his son' is no label of Kade's, so he is not Kade)
    rows = body("As Ivo Marsh mocked his rival Ola Kade, his son said the race had just begun.",
                "As Ada Holm said in May, the plan is dead.",
                "As Pia Lund told reporters, the plan is dead.",
                "As I mentioned above, the plan is dead.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Ivo Marsh", "mock", "his rival Ola Kade"), ("his son", "say", "the race had just begun"),
        ("Ada Holm", "say", "the plan is dead"), ("Pia Lund", "tell", "the plan is dead"),
        ("I", "mention", "the plan is dead")]



def test_an_as_clause_after_an_opening_word_reports_the_main_clause():
    # an opening word and its comma before 'as' hid the tag; 'previously' is no part of
    # the source's name
    rows = body("Of course, as Ola Kade observed, the biggest winner was the stage itself.",
                "And, as the Varn Herald previously reported, Kade is the top recipient.",
                "But as he weighs his options, the party waits.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Ola Kade", "observe", "the biggest winner was the stage itself"),
        ("Varn Herald", "report", "Kade is the top recipient")]

@pytest.mark.parametrize("sentence, speaker, content", [
    # a conjunction before 'according to' opens what the source says
    ("But according to interviews with his aides, Kade wants to run again.",
     "interviews with his aides", "Kade wants to run again"),
    ("Kade went to the debate, because, according to Lund, the papers would mock him.",
     "Lund", "the papers would mock him"),
    # a list in the source, and the rest of the source up to its comma
    ("According to interviews with his friends, aides and allies, Kade wants to run again.",
     "interviews with his friends, aides and allies", "Kade wants to run again"),
    ("But according to reports circulating in the Varn press, Kade could not win.",
     "reports circulating", "Kade could not win"),
    # a dash closes the source
    ("Many miners - who made up 46 percent of voters, according to a survey by Varn Radio - "
     "back the levy.", "a survey by Varn Radio", "Many miners - who made up 46 percent of voters"),
])
def test_according_to_reads_its_source_and_content_whatever_stands_around_it(
        sentence, speaker, content):
    assert [(r.speaker, r.content) for r in body(sentence)] == [(speaker, content)]
