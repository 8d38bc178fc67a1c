"""Small factory data for the API tests, independent of the demo fixture's exact contents."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from rest_framework.test import APIClient

from tracker.choices import Rating, ReviewStatus, SourceKind, SpeakerKind, StatementKind
from tracker.models import Publication, Review, Source, Speaker, SpeakerAlias, SpeakerRole

from .factories import BODY_ONE, BODY_TWO, add_article, add_statement


@pytest.fixture(autouse=True)
def _clear_throttle_cache():
    """Throttle counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def plain_user(db):
    return User.objects.create_user("reader")


@pytest.fixture
def curator(db):
    """A member of the "curators" group (migration 0005), which may add, change and delete every tracker model."""
    user = User.objects.create_user("curator")
    user.groups.add(Group.objects.get(name="curators"))
    return user


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("admin", password=None)


@pytest.fixture
def data(db):
    """Two publications, two articles, three speakers, one source, five statements (one rejected), reviews."""
    times = Publication.objects.create(name="Example Times", url="https://times.example/")
    tank = Publication.objects.create(name="Think Tank", url="https://tank.example/")
    one = add_article(
        "Allies meet in Brussels",
        BODY_ONE,
        published=datetime.date(2024, 1, 10),
        publication=times,
        url="https://times.example/brussels",
        byline="By A. Writer",
    )
    two = add_article(
        "Ministers in Vilnius",
        BODY_TWO,
        published=datetime.date(2024, 3, 1),
        publication=tank,
        url="https://tank.example/vilnius",
    )
    jens = Speaker.objects.create(name="Jens Stoltenberg", wikidata_id="Q57522", description="NATO chief")
    SpeakerAlias.objects.create(speaker=jens, name="Stoltenberg")
    SpeakerRole.objects.create(speaker=jens, title="Secretary-General", organization="NATO")
    graham = Speaker.objects.create(name="Lindsey Graham")
    SpeakerAlias.objects.create(speaker=graham, name="Lindsay Graham")
    SpeakerRole.objects.create(speaker=graham, title="Senator", organization="US Senate")
    group = Speaker.objects.create(name="Letter signatories", kind=SpeakerKind.GROUP)
    group.members.add(jens, graham)
    speech = Source.objects.create(
        kind=SourceKind.SPEECH,
        title="Summit press conference",
        publisher=tank,
        url="https://tank.example/speech",
        date=datetime.date(2024, 1, 9),
    )
    speech.speakers.add(jens)
    member = add_statement(
        one,
        "Ukraine will become a member of NATO",
        speaker=jens,
        speaker_as_written="Jens Stoltenberg",
        cue="said",
        source=speech,
        status=ReviewStatus.VERIFIED,
    )
    guarantees = add_statement(
        one,
        "the security guarantees were not enough",
        speaker=graham,
        speaker_as_written="Lindsey Graham",
        cue="told",
        kind=StatementKind.PARAPHRASE,
        paragraph=2,
    )
    talks = add_statement(
        one,
        "membership talks would continue",
        speaker=jens,
        speaker_as_written="Stoltenberg",
        cue="added",
        kind=StatementKind.PARTIAL,
        paragraph=3,
    )
    stronger = add_statement(
        two,
        "The alliance is stronger than ever",
        speaker=jens,
        speaker_as_written="Stoltenberg",
        cue="said",
        status=ReviewStatus.DISPUTED,
    )
    weather = add_statement(
        two,
        "the weather was fine",
        speaker_as_written="A spokesperson",
        cue="said",
        kind=StatementKind.PARAPHRASE,
        paragraph=2,
        status=ReviewStatus.REJECTED,
    )
    verdict = Review.objects.create(
        statement=member,
        rating=Rating.MOSTLY_FALSE,
        explanation="No invitation was issued.",
        reviewed_on=datetime.date(2024, 1, 12),
        url="https://factcheck.example/ukraine-nato",
    )
    hidden_verdict = Review.objects.create(
        statement=weather,
        rating=Rating.UNVERIFIABLE,
        explanation="Weather.",
        reviewed_on=datetime.date(2024, 3, 2),
    )
    return SimpleNamespace(
        times=times,
        tank=tank,
        one=one,
        two=two,
        jens=jens,
        graham=graham,
        group=group,
        speech=speech,
        member=member,
        guarantees=guarantees,
        talks=talks,
        stronger=stronger,
        weather=weather,
        verdict=verdict,
        hidden_verdict=hidden_verdict,
    )
