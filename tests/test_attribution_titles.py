"""Quoted titles of shows, films and books, and compound nouns like 'talk show': a title is
part of a phrase, not a quotation of what someone said (forms found in PolNeAR train,
written here with fictional people)."""

from __future__ import annotations

from attribution_cases import body


def test_a_quoted_title_in_an_apposition_is_part_of_the_speaker_phrase():
    rows = body('Ola Brenn, star of the reality TV show "Gold Rush," said in an interview with '
                "the Courier that the fairs had been dull.",
                'Ivo Marsh, who worked on the film "Deep Seam," said his boss was kind.')
    assert [(r.speaker, r.content) for r in rows] == [
        ("Ola Brenn", "the fairs had been dull"), ("Ivo Marsh", "his boss was kind")]


def test_a_quote_before_the_cue_is_still_what_was_said_when_it_is_no_title():
    rows = body('"We will win," said Ada Holm.', '"the levy is unfair," Kade said.')
    assert [(r.speaker, r.content) for r in rows] == [
        ("Ada Holm", "We will win"), ("Kade", "the levy is unfair")]


def test_a_title_in_the_opening_phrase_is_not_the_content_of_a_cue_with_its_own_object():
    # The title before the cue is no quote of Holm's: 'questioned' reports its own object.
    rows = body("Later on ''Morning Hour,'' Senator Ada Holm questioned Mr. Kade's record.",
                "On ''Morning Hour,'' Senator Ada Holm said the mine was safe.")
    assert [(r.speaker, r.content) for r in rows] == [("Ada Holm", "Mr. Kade's record"),
                                                       ("Ada Holm", "the mine was safe")]


def test_a_talk_show_or_radio_show_is_a_noun_not_a_source_that_shows():
    rows = body("Holm, host of the radio show “Night Shift,” thanked Kade for “keeping the "
                "valley safe.”",
                "Marsh appeared on two Sunday talk shows “to set the record straight.”",
                "A new poll shows Kade ahead by ten points.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Holm", "thank", "Kade for “keeping the valley safe.”"),
        ("A new poll", "show", "Kade ahead by ten points")]


def test_an_apposition_goes_on_past_a_quoted_title_to_the_cue():
    rows = body('Ivo Marsh, the co-author of "Deep Seams," about the history of the pits, said '
                "the days of the mines are gone.",
                'During an appearance on "Morning Desk," Kade said he had not yet read the memo.')
    assert [(r.speaker, r.content) for r in rows] == [
        ("Ivo Marsh", "the days of the mines are gone"), ("Kade", "he had not yet read the memo")]
