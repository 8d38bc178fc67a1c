"""A web page's metadata as trafilatura reads it, tidied into what a printed article header says."""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlsplit

from .page_body import clean_line

_AUTHOR_SPLIT_RE = re.compile(r"\s*;\s*|\s+[·|]\s+")
_AUTHOR_ROLE_RE = re.compile(
    r"\s+(?:(?:senior|chief|staff|contributing|deputy|executive|associate|national|political|politics|business"
    r"|washington|foreign|technology|tech|science)\s+)*(?:correspondent|editor|reporter|writer|columnist|staff)\b.*$",
    re.IGNORECASE,
)
# Wire services and partners printed after a reporter's name: "Joe Davidson Washington Post".
_AUTHOR_OUTLET_RE = re.compile(
    r"(?:^|\s+)(?:the\s+)?(?:washington post|associated press|new york daily news|ap|reuters|cnn)$", re.IGNORECASE
)
# What trafilatura sometimes takes for an author: a photo credit, a login widget.
_NOT_AN_AUTHOR_RE = re.compile(r"^(?:photos? by|images? by)\b|\blogged in\b|\blogged$|\baccount\b", re.IGNORECASE)
_DATE_SUFFIX_RE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
_URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


def publication_from_url(url: str) -> str:
    """The host of ``url`` without ``www.``: the publication of a page that names no site."""
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.")


def http_url(url: str | None) -> str:
    """``url`` when it is an absolute http(s) URL, else ''."""
    return url if url and _URL_RE.match(url) else ""


def site_name(sitename: str, *, title: str) -> str:
    """The page's site name, unless trafilatura fell back to the headline for it."""
    site = clean_line(sitename)
    if not site or (title and (_fold(title).startswith(_fold(site)) or _fold(site).startswith(_fold(title)))):
        return ""
    return site


def clean_author(author: str, *, site: str = "") -> str:
    """trafilatura's author as a printed byline: 'A; B; C' -> 'A, B and C', roles and outlets dropped.

    A byline that is only an outlet ('Reuters') stays; beside a person's name the outlet goes.
    """
    names: list[str] = []
    outlets: list[str] = []
    for part in _AUTHOR_SPLIT_RE.split(author):
        unrolled = _AUTHOR_ROLE_RE.sub("", clean_line(part)).strip(" ,")
        name = _AUTHOR_OUTLET_RE.sub("", unrolled).strip(" ,")
        if not unrolled or _NOT_AN_AUTHOR_RE.search(unrolled):
            continue
        if not name or (site and _outlet_key(name) == _outlet_key(site)):
            outlets.append(unrolled)
        elif _outlet_key(name) not in {_outlet_key(known) for known in names}:
            names.append(name)
    names = names or outlets[:1]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def clean_title(title: str, *, site: str, byline: str, url: str) -> str:
    """'Headline - Telegraph', 'Headline | DW | 19.01.2020' -> 'Headline': the site, author or date after it."""
    title = clean_line(title)
    names = [site, publication_from_url(url), byline, *re.split(r",\s*|\s+and\s+", byline)]
    keys = {_outlet_key(name) for name in names} - {""}
    while True:
        separator = " | " if " | " in title else " - "
        head, found, tail = title.rpartition(separator)
        if not found or not head.strip() or not (_outlet_key(tail) in keys or _DATE_SUFFIX_RE.match(tail.strip())):
            return title
        title = head.strip()


def iso_date(value: str | None) -> datetime.date | None:
    """trafilatura's YYYY-MM-DD date, or None."""
    try:
        return datetime.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def language_code(value: str | None) -> str:
    """The primary subtag of the page's language ('en-GB' -> 'en'); 'en' when it gives none."""
    primary = re.split(r"[-_]", (value or "").strip())[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else "en"


def _outlet_key(name: str) -> str:
    """'The Huffington Post', 'huffingtonpost.com' and 'CBC News' / 'cbc.ca' compare equal."""
    key = re.sub(r"[\W_]+", "", name.casefold()).removeprefix("the")
    return re.sub(r"(?:news)?(?:com|couk|org|net|ca)?$", "", key)


def _fold(text: str) -> str:
    return clean_line(text).casefold()
