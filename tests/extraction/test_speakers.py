"""Speakers as extraction reports them: canonical names, aliases that are names, quotes kept without a speaker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tracker.extraction import decode_article, extract_article
from tracker.extraction.aliases import alias_form

DATA = Path(__file__).parent.parent / "data"
GOLD_ARTICLES = sorted({gold.parent / json.loads(gold.read_text())["seed"] for gold in DATA.rglob("*.gold.json")})
PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "his", "its", "their", "we", "i"}


def test_gold_articles_are_found() -> None:
    assert len(GOLD_ARTICLES) >= 100


@pytest.mark.parametrize("article", GOLD_ARTICLES, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_aliases_are_names_only(article: Path) -> None:
    result = extract_article(decode_article(article.read_bytes()))
    for speaker in result.speakers:
        for alias in speaker.aliases:
            assert alias.casefold() not in PRONOUNS, (speaker.name, alias)
            assert not alias.endswith(("'s", "’s")), (speaker.name, alias)  # noqa: RUF001
            assert "," not in alias and "(" not in alias, (speaker.name, alias)
            assert alias[:1].isupper(), (speaker.name, alias)
            assert alias.split()[0].casefold() not in ("the", "a", "an"), (speaker.name, alias)
            assert alias_form(alias) == alias, (speaker.name, alias)


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("he", ""),
        ("They", ""),
        ("Cordesman's", "Cordesman"),
        ("Ms. Haley’s", "Ms. Haley"),  # noqa: RUF001
        ("Ms. Haley, a former Republican governor of South Carolina", "Ms. Haley"),
        ("the president", ""),
        ("A company spokeswoman", ""),
        ("the FAA", "FAA"),
        ("President Trump", "Trump"),
        ("Sen. Margaret Hollis, D-Minn.", "Sen. Margaret Hollis"),
        ("NATO Secretary-General Jens Stoltenberg", "Jens Stoltenberg"),
    ],
)
def test_alias_form_keeps_the_name_only(printed: str, name: str) -> None:
    assert alias_form(printed) == name


def test_canonical_name_is_the_fullest_printed_form() -> None:
    text = (
        "Panel hears from retailers\n\nBy A Reporter | March 3, 2024\n\n"
        "Linda Black Elk, a member of the Catawba Nation, spoke first. Prince Harold Smythe also attended.\n\n"
        '"We were never asked," Black Elk said.\n\n'
        '"The crown supports the plan," Harold said.\n\n'
        '"It is a hard year," said Realtor Shaun Ghulam. "Prices are falling."\n\n'
        '"Sellers are holding off," Ghulam said.'
    )
    speakers = {statement.quote[:12]: statement.speaker for statement in extract_article(text).statements}
    assert speakers["We were neve"] == "Linda Black Elk"
    assert speakers["The crown su"] == "Prince Harold Smythe"
    assert speakers["Sellers are "] == "Shaun Ghulam"


def test_pronouns_and_honorifics_find_a_person_of_their_gender() -> None:
    text = (
        "Ambassador to leave\n\nBy A Reporter | October 9, 2018\n\n"
        "President Trump said Ms. Haley would leave. He named his daughter Ivanka Trump as a candidate.\n\n"
        '"She has done a fantastic job," Mr. Trump said.\n\n'
        '"I would like to serve," she said.'
    )
    statements = extract_article(text).statements
    assert [statement.speaker for statement in statements] == ["Trump", "Ivanka Trump"]


def test_a_quote_with_no_speaker_found_is_kept_without_one() -> None:
    text = (
        "Signs in the square\n\nBy A Reporter | May 1, 2024\n\n"
        'Banners across the square read "we will not be moved from the homes our grandparents built with their '
        'own hands" as the crowd waited.'
    )
    [statement] = extract_article(text).statements
    assert statement.speaker is None
    assert statement.rule == "unattributed"
    assert statement.confidence <= 0.2
    assert statement.spans and text.count(statement.quote) == 1


@pytest.mark.parametrize(
    ("full", "short"),
    [("Robert F. Kennedy Jr.", "Kennedy"), ("James Baker III", "Baker"), ("Martin Luther King Jr.", "King")],
)
def test_a_generational_suffix_closes_the_name_and_the_surname_still_names_the_person(full: str, short: str) -> None:
    result = extract_article(f'Title\n\n"We will win," said {full}, the speaker.\n\n"It is over," {short} said.\n')

    assert [s.speaker for s in result.statements] == [full, full]


def test_a_bare_first_name_stays_with_the_person_without_jr() -> None:
    result = extract_article(
        "Title\n\nJerry Jones, the owner, built the stadium. His son Jerry Jr. runs sales.\n\n"
        '"We were in some pretty high grass," Jerry said.\n'
    )

    assert result.statements[0].speaker == "Jerry Jones"


def test_an_opening_mark_typed_where_a_quote_ends_closes_it() -> None:
    result = extract_article('Title\n\n"I thought I was doing it for him,“ Jerry Jones says. "I later learned."\n')

    assert [(s.speaker, s.quote) for s in result.statements] == [
        ("Jerry Jones", "I thought I was doing it for him, I later learned.")
    ]


def test_a_quote_after_the_close_of_a_long_quote_joins_it_under_the_same_cue() -> None:
    result = extract_article(
        'Title\n\n"I looked at the first reaction," Putin said. "The first thing they did was say it was unfair.\n\n'
        '"She set the tone for some actors," Putin continued. "They heard the signal."\n'
    )

    assert [(s.paragraph, s.quote) for s in result.statements] == [
        (0, "I looked at the first reaction, The first thing they did was say it was unfair."),
        (1, "She set the tone for some actors, They heard the signal."),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        '"We are sure it is over," said Ann Lee, Bo Chen and Cy Diaz.',
        '"We are sure it is over," Ann Lee, Bo Chen, and Cy Diaz said.',
        'But Ann Lee, Bo Chen and Cy Diaz wrote: "We are sure it is over."',
    ],
)
def test_names_listed_together_speak_as_one_group_of_those_people(sentence: str) -> None:
    result = extract_article(f'Title\n\n{sentence}\n\n"No," Chen said.\n')

    assert [s.speaker for s in result.statements] == ["Ann Lee, Bo Chen and Cy Diaz", "Bo Chen"]
    group = next(s for s in result.speakers if s.name == "Ann Lee, Bo Chen and Cy Diaz")
    assert (group.kind, group.members) == ("group", ("Ann Lee", "Bo Chen", "Cy Diaz"))


def test_a_name_after_an_object_is_no_list_of_speakers() -> None:
    result = extract_article('Title\n\nThe minister met Ann Lee and Bo Chen said: "We are sure it is over."\n')

    assert [s.speaker for s in result.statements] == ["Bo Chen"]


def test_he_after_an_unnamed_spokesperson_is_that_spokesperson_so_the_organisation_speaks() -> None:
    result = extract_article(
        "Title\n\nJo Grady, the union's general secretary, called the rise alarming.\n\n"
        "But a spokesperson for the Universities and Colleges Employers' Association said its members had "
        'cut "atypical contracts".\n\n'
        '"UCEA has worked with the unions to understand employment across the sector," he said.\n'
    )

    assert result.statements[-1].speaker == "Universities and Colleges Employers' Association"


@pytest.mark.parametrize(
    "sentence",
    [
        "The International Pulsar Timing Array is using radio telescopes around the world.",
        "He helped found Launch Code, which helps developers find work.",
        "Workers are striking at Chicago O'Hare International Airport on Tuesday.",
    ],
)
def test_organisations_and_places_named_in_narration_are_never_a_he(sentence: str) -> None:
    result = extract_article(
        "Title\n\nJim McKelvey, the co-founder, spoke at the launch.\n\n"
        f"{sentence}\n\n"
        '"The biggest challenge is the talent shortage," he says.\n'
    )

    assert result.statements[-1].speaker == "Jim McKelvey"


def test_a_pronoun_subject_stays_likelier_than_a_name_it_is_coordinated_with() -> None:
    result = extract_article(
        "Title\n\nJim McKelvey co-founded Square with Jack Dorsey.\n\n"
        "He decided to return to St. Louis, the city where he and Dorsey are from.\n\n"
        '"The biggest challenge is the talent shortage," he says.\n'
    )

    assert result.statements[-1].speaker == "Jim McKelvey"


def test_after_a_spokesperson_is_named_the_spokesperson_is_that_person() -> None:
    result = extract_article(
        "Title\n\nOfficials sent the alert within 15 minutes, a spokesperson for the Office of Emergency "
        "Management said.\n\n"
        '"We try to limit the approval process," said Nancy Silvestri, the agency spokesperson.\n\n'
        'The spokesperson said the city had decided that the benefit "outweighed" the limits.\n'
    )

    assert result.statements[-1].speaker == "Nancy Silvestri"


def test_she_opening_on_a_quote_after_a_spokeswoman_in_reported_speech_is_her_organisation() -> None:
    result = extract_article(
        "Title\n\nThe striking workers are not aiming to disrupt travel, a spokeswoman for the Service "
        "Employees International Union said.\n\n"
        '"They do want to gain public support," she said.\n'
    )

    assert result.statements[0].speaker == "Service Employees International Union"


def test_a_day_after_an_organisation_is_no_part_of_its_name() -> None:
    result = extract_article(
        "Title\n\nThe European Commission on Tuesday fined the app, saying its design exploited children's "
        '"vulnerabilities and inexperience".\n'
    )

    assert result.statements[0].speaker == "European Commission"


def test_a_cue_inside_a_relative_clause_after_the_quote_is_not_its_attribution() -> None:
    result = extract_article(
        'Title\n\nEbba Nordin, the finance minister, told parliament that the budget "would support demand", '
        "a formulation that some economists read as a promise of tax cuts.\n"
    )

    assert result.statements[0].speaker == "Ebba Nordin"


def test_a_document_inside_a_fronted_phrase_does_not_speak() -> None:
    result = extract_article(
        'Title\n\nIn a statement released by her lawyers, Castellano said: "I loved working at Kestrel."\n'
    )

    assert (result.statements[0].speaker, result.statements[0].rule) == ("Castellano", "cue_before_quote")


def test_a_shortened_organisation_name_is_the_organisation_printed_in_full() -> None:
    result = extract_article(
        "Title\n\nThe U.S. Federal Reserve raised interest rates on Wednesday.\n\n"
        'The Fed said the risks were "roughly balanced".\n'
    )

    assert result.statements[0].speaker == "U.S. Federal Reserve"


@pytest.mark.parametrize("name", ["Brian M. Good", "Adrian Paul Smith", "Christian Louis Lange"])
def test_a_given_name_ending_like_a_title_is_part_of_the_name(name: str) -> None:
    result = extract_article(f'Title\n\n"The roads were dead," said {name}.\n')

    assert result.statements[0].speaker == name


def test_the_party_member_noun_is_the_person_named_before() -> None:
    result = extract_article(
        'Title\n\nMateen once had "a brief and inconsequential meeting" with Rep. Ed Royce, the chairman of the '
        "committee, the California Republican said in a statement.\n"
    )

    assert result.statements[0].speaker == "Ed Royce"


def test_a_cue_with_an_object_of_its_own_does_not_end_the_quotes_sentence() -> None:
    result = extract_article(
        "Title\n\nNia Mwangi, 22, spoke to reporters.\n\n"
        "Where Tuesday's version said countries 'shall' provide $300bn, the new text says they 'should endeavour "
        "to' do so.\n"
    )

    assert [s.quote for s in result.statements if s.speaker == "Nia Mwangi"] == []


def test_a_cue_inside_a_clause_that_opens_the_outer_cues_object_does_not_speak() -> None:
    result = extract_article(
        "Title\n\nU.S. Secretary of State Hillary Rodham Clinton said that until Iran reassures the world it is "
        'not building a weapon, "it would be premature to go ahead with any project at this time."\n'
    )

    assert result.statements[0].speaker == "Hillary Rodham Clinton"


def test_an_inverted_cue_after_a_question_attributes_it_whatever_follows_the_name() -> None:
    result = extract_article(
        'Title\n\n"What could be more American than such a competition?" said Thomas Ricks, a senior fellow at the '
        'Center for a New American Security and author of "Making the Corps," about boot camp.\n'
    )

    assert result.statements[0].speaker == "Thomas Ricks"


def test_a_place_name_that_is_a_surname_names_the_person() -> None:
    result = extract_article(
        "Title\n\nJoaquin Phoenix and Renee Zellweger were named best actors.\n\n"
        '"I am standing on the shoulders of my favorite actor," Phoenix said on Sunday.\n'
    )

    assert result.statements[0].speaker == "Joaquin Phoenix"


def test_a_second_quote_with_a_pronoun_cue_of_its_own_is_its_own_statement() -> None:
    result = extract_article(
        'Title\n\n"It was a difficult part," quipped Brad Pitt. "It was a big stretch," he said to laughter.\n'
    )

    assert [s.quote for s in result.statements] == ["It was a difficult part,", "It was a big stretch,"]


def test_a_name_inside_someone_elses_appositive_does_not_become_theirs() -> None:
    result = extract_article(
        "Title\n\nDonald Trump took the stand on Monday.\n\n"
        "Kevin Wallace, the lawyer with the attorney general's office who questioned Trump, pressed him.\n\n"
        'After one long monologue, Wallace asked Trump: "Done?"\n\n'
        '"Done," Trump said.\n'
    )

    assert [s.speaker for s in result.statements] == ["Kevin Wallace", "Donald Trump"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('Taoiseach Leo Varadkar said the response "resembles revenge".', "Leo Varadkar"),
        (
            'Before the vote, Minister in the Ministry of Finance Brian Manning said, "The issue is a simple one."',
            "Brian Manning",
        ),
        (
            "An analysis published by the National Academies of Sciences, Engineering, and Medicine found that "
            '"the literature on employment is mixed."',
            "National Academies of Sciences, Engineering, and Medicine",
        ),
        ('The online tool BMJ Best Practice says "there are no data to support their use".', "BMJ Best Practice"),
        (
            'The Israeli mission to the UN in Geneva called the statement "deplorable and deeply concerning".',
            "Israeli mission to the UN in Geneva",
        ),
    ],
)
def test_titles_offices_and_organisations_read_whole(sentence: str, speaker: str) -> None:
    assert extract_article(f"Title\n\n{sentence}\n").statements[0].speaker == speaker


def test_words_quoted_beside_a_bodys_doing_that_a_person_reports_are_the_persons() -> None:
    result = extract_article(
        "Title\n\nLast week, Humza Yousaf told MSPs the inquiry only asked for messages to be handed over in "
        'September, "just a matter of weeks ago".\n'
    )

    assert result.statements[0].speaker == "Humza Yousaf"


def test_a_participle_of_the_speakers_own_clause_does_not_part_two_quotes_under_one_cue() -> None:
    result = extract_article(
        'Title\n\n"I am not here to hear what he has to say," Engoron said, raising his voice and telling Habba '
        'and Kise to sit down. "We are here to hear him answer questions."\n'
    )

    assert len(result.statements) == 1


def test_adding_that_reports_more_so_the_next_quote_stands_alone() -> None:
    result = extract_article(
        'Title\n\n"I\'ve signed away my organs," Oscar Isaac joked, adding that filming was great. '
        '"J.J. Abrams is amazing."\n'
    )

    assert len(result.statements) == 2


def test_a_quote_without_its_full_stop_ends_the_sentence_before_a_pronoun_cue() -> None:
    result = extract_article(
        'Title\n\nBrian Manning said the government is working hard because "we live in a society that is heavy on '
        'importation" He added, "A devaluation will cause an increase in those costs."\n'
    )

    assert [s.cue for s in result.statements] == ["said", "added"]


def test_the_union_is_the_union_or_guild_last_named() -> None:
    result = extract_article(
        "Title\n\nThe Writers Guild of America applauded the deal. "
        '"When workers are united, they win," the union said in a statement.\n'
    )

    assert result.statements[0].speaker == "Writers Guild of America"


def test_a_shows_title_in_quotes_may_stand_among_a_speakers_titles() -> None:
    result = extract_article(
        'Title\n\n"I think it is a conversation now about big business," SAG-AFTRA President and "The Nanny" star '
        "Fran Drescher told The Associated Press.\n"
    )

    assert result.statements[0].speaker == "Fran Drescher"


def test_a_statement_a_body_released_speaks_for_it_named_with_its_country() -> None:
    result = extract_article(
        "Title\n\nThe day before, Cuba's foreign affairs ministry released a statement that \"there is no preventive "
        'vaccine at this time".\n'
    )

    assert (result.statements[0].speaker, result.statements[0].rule) == (
        "Cuba foreign affairs ministry",
        "document_author",
    )


def test_an_inverted_reporting_verb_at_a_sentences_end_names_who_speaks_next() -> None:
    result = extract_article(
        "Title\n\nVaccines are a treatment to prevent disease, explains the US Centers for Disease Control and "
        'Prevention. "Vaccines contain the same germs that cause disease."\n\n'
        '"A vaccine stimulates your immune system," the CDC adds.\n'
    )

    assert [s.speaker for s in result.statements] == ["US Centers for Disease Control and Prevention"] * 2


def test_described_as_quotes_what_was_said_however_long_the_object() -> None:
    result = extract_article(
        'Title\n\nMayne described the common side effects of the therapy as: "All of the things that make you feel '
        'miserable when you have the flu."\n'
    )

    assert result.statements[0].speaker == "Mayne"


def test_an_appositive_missing_its_closing_comma_still_names_the_person() -> None:
    result = extract_article(
        "Title\n\nIn a statement, Sandy Ching, president of the American Academy of Pediatrics (AAP) said the "
        'increase is "disturbing and disappointing."\n'
    )

    assert result.statements[0].speaker == "Sandy Ching"


def test_an_organisation_named_with_for_after_an_inverted_cue() -> None:
    result = extract_article(
        'Title\n\n"The situation is beyond catastrophic," said the charity Medical Aid for Palestinians, describing '
        "packed corridors.\n"
    )

    assert result.statements[0].speaker == "Medical Aid for Palestinians"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('"Kaine in a blowout," said an Iowa Republican.', "Iowa Republican"),
        ('"He is motivating," added another commonwealth Democrat.', "commonwealth Democrat"),
        ('NCHS Chief of Mortality Statistics Bob Anderson said, "We are not combining them."', "Bob Anderson"),
        (
            "Chancellor of the Exchequer George Osborne, 44, outlined a plan for the City, pledging to amend "
            'regulations to "get the balance right."',
            "George Osborne",
        ),
        ('"We made the ethical decision," a spokesperson for House of Fraser said.', "House of Fraser"),
    ],
)
def test_anonymous_party_members_offices_with_of_and_house_of(sentence: str, speaker: str) -> None:
    text = f"Title\n\nMike Pence, the Indiana governor, spoke first.\n\n{sentence}\n"
    assert extract_article(text).statements[0].speaker == speaker


def test_a_tabloids_capitalised_first_name_is_a_person_and_peerages_are_offices() -> None:
    result = extract_article(
        "Title\n\nKELLY Osbourne has blasted Prince Harry.\n\n"
        "The 38-year-old star slammed the Duke of Sussex and his wife, Meghan, Duchess of Sussex, months ago.\n\n"
        'She fumed on a podcast: "Everybody\'s life is hard."\n'
    )

    assert result.statements[0].speaker == "Kelly Osbourne"


def test_a_title_before_a_name_after_an_organisation_with_of() -> None:
    result = extract_article(
        "Title\n\nA social media user claimed antibodies are enough.\n\n"
        "The Secretary-General of the Zimbabwe Association of Doctors for Human Rights Doctor Norman Matara said "
        "people should get vaccinated.\n\n"
        '"Even if you had Covid-19 we are encouraging people to get vaccinated," he said.\n'
    )

    assert result.statements[0].speaker == "Norman Matara"


def test_they_after_an_unnamed_source_is_that_source() -> None:
    result = extract_article(
        "Title\n\nShoppers are angry about the charge.\n\n"
        "The law does not prevent free paper bags, a source from the Department for Food, Environment and Rural "
        "Affairs told the Evening Standard.\n\n"
        "'The key thing is encouraging people to reuse bags,' they said.\n"
    )

    assert result.statements[0].speaker == "source from the Department for Food, Environment and Rural Affairs"
