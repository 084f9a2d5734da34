"""Statements of no one (expectations, impressions, hearsay), evidence and polls, and the
other forms added on the evening of 2026-12-03, in sentences of the shapes real news uses
(PolNeAR train), written here with fictional people."""

from __future__ import annotations

from attribution_cases import body


def test_a_passive_expectation_is_a_thought_with_no_source():
    rows = body("Ivo Marsh is widely expected to announce his bid on Monday.",
                "The vote is expected by analysts to fail.",
                "Turnout was higher than expected.")
    assert [(r.speaker, r.kind, r.content) for r in rows] == [
        ("unattributed expectation", "thought",
         "Ivo Marsh is widely expected to announce his bid on Monday"),
        ("analysts", "thought", "The vote is expected by analysts to fail")]


def test_an_impression_is_a_thought_with_no_source_and_its_own_clause():
    rows = body("By Friday the Varnholt council seemed to be losing its nerve.",
                "It appears, however, that the well tests were never sent to the lab.",
                "Pia Lund seemed unmoved as Ivo Marsh said the mine would close.")
    assert [(r.speaker, r.kind, r.cue, r.content) for r in rows] == [
        ("unattributed impression", "thought", "seem",
         "By Friday the Varnholt council seemed to be losing its nerve"),
        ("unattributed impression", "thought", "appear",
         "It appears, however, that the well tests were never sent to the lab"),
        ("unattributed impression", "thought", "seem", "Pia Lund seemed unmoved"),
        ("Ivo Marsh", "speech", "say", "the mine would close")]


def test_appearing_somewhere_is_no_impression():
    assert body("Ivo Marsh appeared on Varn Radio on Monday.",
                "The mayor appeared before the council in March.",
                "Kade seemed in no hurry.",
                "What seemed most striking was the silence at the pumps.") == []


def test_who_seems_to_say_or_think_something_says_or_thinks_it():
    rows = body("Ivo Marsh appeared to suggest that the samples were switched.",
                "The miners seem to believe the wells will recover.",
                "Pia Lund seemed confident that the vote would pass.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Ivo Marsh", "suggest", "the samples were switched"),
        ("The miners", "believe", "the wells will recover"),
        ("Pia Lund", "confident", "the vote would pass")]


def test_an_impression_is_nobodys_antecedent():
    rows = body("Ivo Marsh seemed tired, telling the miners, “We are done.”",
                "“The pumps failed,” Pia Lund said. The repairs seem to have stalled. "
                "“They know it,” she added.")
    assert [(r.speaker, r.cue) for r in rows] == [
        ("unattributed impression", "seem"), ("Ivo Marsh", "tell"),
        ("Pia Lund", "say"), ("unattributed impression", "seem"), ("Pia Lund", "add")]


def test_an_impression_is_theirs_to_whom_it_seems_so():
    rows = body("Nothing in the report seemed credible to Ann Kade.",
                "The strike once seemed remote to older miners, but not now.",
                "It seems to me that the pumps were never fixed.",
                "We seem closer than ever to a deal.")
    assert [(r.speaker, r.kind, r.content) for r in rows] == [
        ("Ann Kade", "thought", "Nothing in the report seemed credible to Ann Kade"),
        ("older miners", "thought", "The strike once seemed remote to older miners"),
        ("I", "thought", "It seems to me that the pumps were never fixed"),
        ("unattributed impression", "thought", "We seem closer than ever to a deal")]


def test_who_seems_set_to_act_intends_it_as_it_looks():
    rows = body("Mayor Ann Kade appears set to veto the levy.",
                "The miners now seem intent on striking.",
                "The plan seemed ready to collapse.")
    assert [(r.speaker, r.kind, r.cue) for r in rows] == [
        ("Ann Kade", "thought", "appear"), ("The miners", "thought", "seem"),
        ("unattributed impression", "thought", "seem")]


def test_an_impression_opened_by_to_or_among_is_theirs():
    rows = body("To Pia Lund, a geologist at Varn College, the tests seemed rushed.",
                "Among older miners, the levy appears to be popular.",
                "To date, the pumps seem to work.")
    assert [(r.speaker, r.content) for r in rows] == [
        ("Pia Lund", "the tests seemed rushed"),
        ("older miners", "the levy appears to be popular"),
        ("unattributed impression", "To date, the pumps seem to work")]


def test_calling_a_named_person_a_noun_is_naming():
    rows = body("Ivo Marsh called Pia Lund a liar.", "Kade called Lund a day later.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Ivo Marsh", "call", "Pia Lund a liar")]

def test_evidence_whose_source_has_a_post_modifier():
    rows = body("A study by the watchdog group Clear Water found the mine used more water "
                "than allowed.",
                "A Varn College poll out this week shows Lund with a lead.",
                "The little polling that was done before the vote showed a dead heat.",
                "Exit polling showed that Lund won every district.",
                "A poll of 600 voters is due Monday and shows nothing new.")
    assert [(r.speaker, r.kind, r.content) for r in rows] == [
        ("A study by the watchdog group Clear Water", "evidence",
         "the mine used more water than allowed"),
        ("A Varn College poll", "evidence", "Lund with a lead"),
        ("The little polling", "evidence", "a dead heat"),
        ("Exit polling", "evidence", "Lund won every district")]

def test_a_long_source_after_an_opening_phrase():
    # A place before the source ('And in Brenn and Kell, a Varn College poll ...') pushed its
    # head noun past the words read, and the place was read as part of the source.
    rows = body("And in Brenn and Kell, a Varn College poll for Lund News released last week "
                "actually showed Kade with no support among older voters.",
                "In Moro, early results of the count showed Lund ahead.")
    assert [(r.speaker, r.kind, r.content) for r in rows] == [
        ("a Varn College poll", "evidence", "Kade with no support among older voters"),
        ("early results", "evidence", "Lund ahead")]

def test_a_pollsters_name_that_looks_like_a_cue_is_part_of_the_source():
    # 'Post' and 'Press' in a pollster's name were taken for cues inside the source, and
    # 'News shows' for a compound like 'the news shows'.
    rows = body("A new poll released on Sunday by The Varn Post and Brenn News shows Kade "
                "keeping his lead.",
                "Exit polls conducted by Lund Research for The Varn Press show most voters "
                "backing the plan.",
                "Kade watched the Sunday news shows at home.")
    assert [(r.speaker, r.kind, r.content) for r in rows] == [
        ("A new poll", "evidence", "Kade keeping his lead"),
        ("Exit polls", "evidence", "most voters backing the plan")]

def test_a_person_after_shows_is_what_a_poll_shows_not_an_inverted_tag():
    # '..., shows Kade with 47 percent versus Lund, who ...' was read as an inverted tag:
    # Lund's statement, the poll its content. After 'noted' a person is the tag's speaker.
    rows = body("A Varn News poll, conducted jointly with Lask Orrin Research (D) and Tam & "
                "Company Research (R), shows Kade with 47 percent versus Lund, who has 44 "
                "percent.",
                "Kade leads the field, noted Ivo Marsh, the party's pollster.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("A Varn News poll", "show", "Kade with 47 percent versus Lund, who has 44 percent"),
        ("Ivo Marsh", "note", "Kade leads the field")]

def test_what_a_poll_opening_the_sentence_reports_is_its_finding():
    rows = body("In the latest Varn Herald poll, conducted in May, Lund leads Marsh by six "
                "points.",
                "In a poll of 600 miners released Monday, 52 percent said the mine should close.",
                "Lund leads in the polls.")
    assert [(r.speaker, r.cue, r.kind, r.content) for r in rows] == [
        ("the latest Varn Herald poll", "in", "evidence", "Lund leads Marsh by six points"),
        ("52 percent", "say", "speech", "the mine should close")]

def test_a_standing_before_the_poll_that_closes_its_clause_is_the_polls_finding():
    # A standing before 'in the ... poll' at the clause's end was read as no one's; a poll
    # named in the plural ('in the polls') stays the writer's summary, and so does a clause
    # with no share, margin or lead in it.
    rows = body("In May, Kade had 38 percent support in the latest Varn Courier poll.",
                "Lund fell to 10 percent in a Brenn College poll released Monday, a collapse.",
                "Marsh leads in the polls.",
                "Kade appeared by name in the Varn Courier poll.")
    assert [(r.speaker, r.cue, r.kind, r.content) for r in rows] == [
        ("the latest Varn Courier poll", "in", "evidence", "In May, Kade had 38 percent support"),
        ("a Brenn College poll", "in", "evidence", "Lund fell to 10 percent")]

def test_what_a_speaker_describes_is_what_they_said():
    rows = body("Ivo Marsh described the night the well ran dry.",
                "Lund spoke for an hour, describing how the pumps failed.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Ivo Marsh", "describe", "the night the well ran dry"),
        ("Lund", "describe", "how the pumps failed")]


def test_a_passive_with_an_adverb_has_no_speaker():
    assert body("It is what is often described as a test of nerve.",
                "Kade was later told that the mine would close.") == []
    assert [r.speaker for r in body("Kade often says the mine is safe.")] == ["Kade"]

def test_hearsay_is_a_report_with_no_source():
    rows = body("The firm is reportedly weighing a sale of the mine.",
                "Marsh allegedly hid the tests, and Lund said nothing.",
                "Kade sued Marsh for allegedly breaking the deal.")
    assert [(r.speaker, r.kind, r.cue, r.content) for r in rows] == [
        ("unattributed report", "speech", "reportedly",
         "The firm is reportedly weighing a sale of the mine"),
        ("unattributed report", "speech", "allegedly", "Marsh allegedly hid the tests"),
        ("Lund", "speech", "say", "nothing")]

def test_asking_someone_to_act_is_a_request():
    rows = body("Lund asked the council to delay the vote.",
                "An aide who asked to remain anonymous said the tests failed.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Lund", "ask", "the council to delay the vote"),
        ("An aide", "say", "the tests failed")]

def test_taking_someone_to_be_something_is_a_thought():
    rows = body("Lund considers him a liar.", "Many miners viewed Marsh as a threat.",
                "Kade saw Lund at the rally.", "Few saw him become mayor.")
    assert [(r.speaker, r.cue, r.kind, r.content) for r in rows] == [
        ("Lund", "consider", "thought", "him a liar"),
        ("Many miners", "view", "thought", "Marsh as a threat")]

def test_what_was_tweeted_may_be_a_thing():
    rows = body("Ivo Marsh tweeted a photo of the dry well.", "His tweets were deleted.")
    assert [(r.speaker, r.cue, r.kind, r.content) for r in rows] == [
        ("Ivo Marsh", "tweet", "writing", "a photo of the dry well")]

def test_a_verb_of_thinking_takes_a_clause_with_a_bare_subject():
    rows = body("Economists believe this gives the mine an unfair edge.",
                "Many officials believe meaningful relief is possible.",
                "Lund believes in taxing polluters.", "Kade considered the plan.")
    assert [(r.speaker, r.content) for r in rows] == [
        ("Economists", "this gives the mine an unfair edge"),
        ("Many officials", "meaningful relief is possible")]

def test_a_table_row_is_no_turn_and_a_quoted_title_no_quote():
    assert body("Pia Lund: 1,501.", "Pledged: 781.") == []
    assert body("Twitter: @annkade.", "EMAIL: desk@varnpost.example.") == []  # contact lines
    rows = body("“The pumps are dry,” Lund said.",
                "“Sons of Varn” happily roots around in the mine's history.")
    assert [(r.speaker, r.content) for r in rows] == [("Lund", "The pumps are dry")]

def test_addressing_an_audience_or_an_email_address_reports_nothing():
    assert body("Kade will address the Varn Party convention on Tuesday night.",
                "To join, type your email address below and press send.") == []
    rows = body("Kade addressed the fears of the miners.",
                "Lund addressed the crowd once more: “This is what I regret.”")
    assert [(r.speaker, r.cue) for r in rows] == [("Kade", "address"), ("Lund", "address")]


def test_backing_down_and_calling_off_report_nothing():
    assert body("The council backed down on Friday.", "Lund called off the rally.") == []
    # 'back to' is an adverb, 'show off', 'applaud along', 'figure out' and 'figures to'
    # (is likely to) report nothing
    assert body("Kade figures to fare well in the city.",
                "The challenge is figuring out what score to give.") == []
    assert [r.cue for r in body("Kade figured the plan would fail.")] == ["figure"]
    assert body("Within hours, Kade was back to his old self.",
                "Lund showed off the hat the campaign had given her.",
                "Moro stood by the stage, applauding along with the crowd.") == []
    rows = body("Kade backed away from his claim that the wells were safe.")
    assert [r.cue for r in rows] == ["back"]

def test_an_inverted_tag_with_a_described_source():
    rows = body("The mine will close soon, said a source close to the talks.",
                "The vote was rigged, said one official involved in the count.")
    assert [(r.speaker, r.content) for r in rows] == [
        ("a source", "The mine will close soon"), ("one official", "The vote was rigged")]

def test_people_familiar_with_it_are_unnamed_people_not_a_name():
    rows = body("People familiar with the talks said the deal was close.",
                "The deal is dead, officials briefed on the plan said.")
    assert [(r.speaker, r.speaker_label, r.content) for r in rows] == [
        ("People familiar with the talks", "", "the deal was close"),
        ("officials", "", "The deal is dead")]

def test_how_someone_put_it_is_what_they_said():
    rows = body("As Kade put it in a memo, the mine is dead.",
                "Lund put it bluntly: “The wells are gone.”",
                "The clerk was putting it into the register.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Kade", "put it", "the mine is dead"), ("Lund", "put it", "The wells are gone")]

def test_knowing_what_is_a_thought_and_no_one_is_no_name():
    rows = body("No one knows what the council will do.", "Lund knew exactly who to call.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("No one", "know", "what the council will do"), ("Lund", "know", "exactly who to call")]

def test_a_statement_holding_an_impression_keeps_it():
    rows = body("Ivo Marsh said the repairs seem to have stalled.")
    assert [(r.speaker, r.content) for r in rows] == [
        ("Ivo Marsh", "the repairs seem to have stalled")]


def test_a_name_and_a_colon_after_a_dash_sign_a_quote():
    rows = body("The map has shifted in recent weeks - Pia Lund: “Two weeks ago, the north was "
                "safe for the levy.”", "Turnout fell - Notes: the count was slow.")
    assert [(r.speaker, r.cue, r.mode, r.content) for r in rows] == [
        ("Pia Lund", ":", "direct", "Two weeks ago, the north was safe for the levy")]


def test_a_long_role_before_a_name_ends_in_the_name():
    rows = body("Varn Radio vice president for news and talk Ada Holm called the show “the best "
                "hour on air.”",
                "After being slammed by council leader Pia Lund as careless, Kade apologised.")
    # the opening phrase is no content of 'apologised' (forms/end_tags._OPENING_PHRASE), and
    # the council leader inside it speaks no statement
    assert [(r.speaker, r.cue) for r in rows] == [("Ada Holm", "call")]


def test_a_thought_whose_clause_has_a_long_noun_subject_and_no_that():
    # before, a verb of thinking took a clause without 'that' only when its subject was a
    # name, a pronoun or a short noun phrase, and these gave no statement
    rows = body("Lund hopes her latest endorsement before the Varn primary will give her a boost.",
                "I think both Kade and Lund are on the same page.",
                "The miners know the old pumps at the north shaft are failing.",
                "Anyone who knows anything about Ivo Marsh knows he will not cave.")
    assert [(r.speaker, r.kind, r.content) for r in rows] == [
        ("Lund", "thought", "her latest endorsement before the Varn primary will give her a boost"),
        ("I", "thought", "both Kade and Lund are on the same page"),
        ("The miners", "thought", "the old pumps at the north shaft are failing"),
        ("Anyone", "thought", "he will not cave")]


def test_seeing_a_long_object_as_something_is_a_thought():
    # before, 'see X as Y' was read only when X had at most four words
    rows = body("By two to one, young voters see police violence against miners as a problem.",
                "Lund doesn't see the agency's role in the mine as antiquated.",
                "The town of Varn saw a far fiercer public debate about the mine as more than "
                "a thousand miners crossed the border.")
    assert [(r.speaker, r.kind, r.content) for r in rows] == [
        ("young voters", "thought", "police violence against miners as a problem"),
        ("Lund", "thought", "the agency's role in the mine as antiquated")]


def test_a_passive_view_is_a_thought_with_no_source():
    # before, 'is seen as' gave no statement: the passive has no speaker before the cue
    rows = body("The marathon hearing was widely seen as a test of the council.",
                "Kade's plan is seen by some as a threat to the mine.",
                "Ivo Marsh, who is seen as a rival, left early.",
                "Lund is likely to be viewed as honest.",
                "The strike can be seen as the last gasp of the union.")
    assert [(r.speaker, r.kind, r.content) for r in rows] == [
        ("unattributed impression", "thought",
         "The marathon hearing was widely seen as a test of the council"),
        ("some", "thought", "Kade's plan is seen by some as a threat to the mine")]
