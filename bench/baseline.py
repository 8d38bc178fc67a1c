"""The floor the API is measured against: the same reads through raw psycopg, orjson and a bare WSGI app.

It answers the benchmarked URLs only, with the same logical queries the API sends (same joins, same ordering,
same keyset seek with its plain bound on the first key, a speaker slug resolved to an id first, the date range
on the indexed sort key, a search ranking only the newest ``SEARCH_CANDIDATES`` matches, speaker matches as a
UNION of speakers and aliases, the COUNT that page-number pagination runs) and a JSON body of about the same
fields, but no Django, no DRF, no serializers. Run it under gunicorn like the API:

    BENCH_DATABASE_URL=postgres://... gunicorn -w 2 -b 127.0.0.1:8101 bench.baseline:app
"""

import datetime
import os
import re
from urllib.parse import parse_qs

import orjson
import psycopg
from django.core.signing import BadSignature, Signer
from psycopg.rows import dict_row

PAGE_SIZE = 50
DATE_MIN = datetime.date.min
SEARCH_CANDIDATES = 1000  # as tracker.api.pagination
CURSOR_SALT = "tracker.api.pagination.cursor"  # as tracker.api.pagination


def cursor_signer():
    # The API signs its cursors (HMAC-SHA256 with the secret key); so does the floor, for the same work a page.
    return Signer(key=os.environ["DJANGO_SECRET_KEY"], salt=CURSOR_SALT, fallback_keys=[])


STATEMENT_SELECT = """
SELECT s.id, s.text, s.kind, s.cue, s.status, s.speaker_as_written, s.role_as_written, s.paragraph,
       s.spans, s.confidence, s.curator_note, s.created, s.updated,
       sp.id AS speaker_id, sp.name AS speaker_name, sp.slug AS speaker_slug,
       a.id AS article_id, a.title AS article_title, a.url AS article_url, a.published, a.body,
       p.id AS publication_id, p.name AS publication_name, p.slug AS publication_slug,
       so.id AS source_id, so.kind AS source_kind, so.title AS source_title, so.url AS source_url,
       so.date AS source_date, {sort_keys}
FROM tracker_statement s
JOIN tracker_article a ON a.id = s.article_id
LEFT JOIN tracker_publication p ON p.id = a.publication_id
LEFT JOIN tracker_speaker sp ON sp.id = s.speaker_id
LEFT JOIN tracker_source so ON so.id = s.source_id
"""

# The API's sort keys as SQL. The ordering itself comes from the API (its cursors name it): run.py reads
# it from a live ``next`` link and passes it here as BENCH_ORDERING, so both servers sort alike.
SORT_KEYS = {
    "sort_published": "COALESCE(a.published, %(date_min)s)",
    "sort_speaker": "COALESCE(sp.name, '')",
    "article_id": "s.article_id",
    "position": "s.position",
    "created": "s.created",
    "id": "s.id",
}
ORDERING = [
    (term.lstrip("-"), term.startswith("-"))
    for term in os.environ.get("BENCH_ORDERING", "-sort_published,id").split(",")
]
_connection = None


def select_sql():
    keys = ", ".join(f"{SORT_KEYS[name]} AS k_{name}" for name, _ in ORDERING)
    return STATEMENT_SELECT.replace("{sort_keys}", keys)


def connection():
    """One connection per worker process, opened on first use (after gunicorn forks)."""
    global _connection
    if _connection is None or _connection.closed:
        _connection = psycopg.connect(os.environ["BENCH_DATABASE_URL"], autocommit=True, row_factory=dict_row)
    return _connection


def statement_json(row):
    spans = row["spans"]
    body = row.pop("body")
    return {
        "id": row["id"],
        "url": f"/api/statements/{row['id']}/",
        "text": row["text"],
        "kind": row["kind"],
        "cue": row["cue"],
        "status": row["status"],
        "speaker": row["speaker_id"]
        and {"id": row["speaker_id"], "name": row["speaker_name"], "slug": row["speaker_slug"]},
        "speaker_as_written": row["speaker_as_written"],
        "role_as_written": row["role_as_written"],
        "article": {
            "id": row["article_id"],
            "title": row["article_title"],
            "web_url": row["article_url"],
            "published": row["published"],
            "publication": row["publication_id"]
            and {
                "id": row["publication_id"],
                "name": row["publication_name"],
                "slug": row["publication_slug"],
            },
        },
        "source": row["source_id"]
        and {
            "id": row["source_id"],
            "kind": row["source_kind"],
            "title": row["source_title"],
            "web_url": row["source_url"],
            "date": row["source_date"],
        },
        "paragraph": row["paragraph"],
        "spans": spans,
        "parts": [body[start:end] for start, end in spans],
        "confidence": row["confidence"],
        "curator_note": row["curator_note"],
        "created": row["created"],
        "updated": row["updated"],
    }


def order_by_sql():
    return ", ".join(f"{SORT_KEYS[name]}{' DESC' if desc else ''}" for name, desc in ORDERING)


def seek_sql(token, args):
    """The API's keyset seek: (k1 after v1) OR (k1 = v1 AND k2 after v2) OR …, for the cursor's values."""
    values = cursor_signer().unsign_object(token)["p"]
    after, equal = [], []
    for index, ((name, desc), value) in enumerate(zip(ORDERING, values, strict=True)):
        if name == "sort_published":
            value = datetime.date.fromisoformat(value)
        elif name == "created":
            value = datetime.datetime.fromisoformat(value)
        args[f"c{index}"] = value
        after.append(" AND ".join([*equal, f"{SORT_KEYS[name]} {'<' if desc else '>'} %(c{index})s"]))
        equal.append(f"{SORT_KEYS[name]} = %(c{index})s")
    # As the API: the OR chain, and a plain bound on the first key that an index can serve.
    name, desc = ORDERING[0]
    return f"{SORT_KEYS[name]} {'<=' if desc else '>='} %(c0)s AND (" + " OR ".join(f"({c})" for c in after) + ")"


def encode_cursor(row):
    values = [row[f"k_{name}"] for name, _ in ORDERING]
    values = [value if isinstance(value, int | str) else value.isoformat() for value in values]
    payload = {"o": ",".join(("-" if d else "") + n for n, d in ORDERING), "p": values, "r": False}
    return cursor_signer().sign_object(payload)


def statements(params):
    where, args = ["NOT (s.status = 'rejected')"], {"date_min": DATE_MIN, "limit": PAGE_SIZE + 1}
    if "speaker" in params:
        # As the API's filter: the slug is looked up first (a 400 when unknown), then the id compared.
        speaker = connection().execute("SELECT id FROM tracker_speaker WHERE slug = %s", [params["speaker"]]).fetchone()
        if speaker is None:
            return None
        where.append("s.speaker_id = %(speaker)s")
        args["speaker"] = speaker["id"]
    if "published_after" in params or "published_before" in params:
        # As StatementQuerySet.published_between: the range on the indexed sort key, the date not NULL.
        where.append("a.published IS NOT NULL")
    if "published_after" in params:
        where.append(f"{SORT_KEYS['sort_published']} >= %(after)s")
        args["after"] = datetime.date.fromisoformat(params["published_after"])
    if "published_before" in params:
        where.append(f"{SORT_KEYS['sort_published']} <= %(before)s")
        args["before"] = datetime.date.fromisoformat(params["published_before"])
    if "q" in params:
        # As the API: full-text match on the generated column, best rank first, then id, among the newest
        # SEARCH_CANDIDATES matches only.
        where.append("s.search_vector @@ websearch_to_tsquery('english', %(q)s)")
        args["q"] = params["q"]
        args["candidates"] = SEARCH_CANDIDATES
        candidates = (
            "SELECT s.id FROM tracker_statement s JOIN tracker_article a ON a.id = s.article_id "
            f"WHERE {' AND '.join(where)} ORDER BY s.id DESC LIMIT %(candidates)s"
        )
        where.append(f"s.id IN ({candidates})")
        order = "ts_rank(s.search_vector, websearch_to_tsquery('english', %(q)s)) DESC, s.id"
    else:
        order = order_by_sql()
        if "cursor" in params:
            where.append(seek_sql(params["cursor"], args))
    sql = f"{select_sql()} WHERE {' AND '.join(where)} ORDER BY {order} LIMIT %(limit)s"
    rows = connection().execute(sql, args).fetchall()
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    next_url = None
    if more and "q" not in params:
        next_url = f"/api/statements/?cursor={encode_cursor(rows[-1])}"
    return {"next": next_url, "previous": None, "results": [statement_json(row) for row in rows]}


def statement_detail(pk):
    sql = f"{select_sql()} WHERE s.id = %(pk)s AND NOT (s.status = 'rejected')"
    row = connection().execute(sql, {"pk": pk, "date_min": DATE_MIN}).fetchone()
    return statement_json(row) if row else None


# As SpeakerQuerySet.search: the folded key contains the query or the name is similar, on speakers and on
# aliases, as a UNION.
SPEAKER_MATCH = """
    sp.id IN (SELECT id FROM tracker_speaker WHERE name_key LIKE %(like_key)s OR name %% %(q)s
              UNION SELECT speaker_id FROM tracker_speakeralias WHERE name_key LIKE %(like_key)s OR name %% %(q)s)
"""


def speakers(params):
    query = params.get("q", "")
    args = {"q": query, "like_key": f"%{' '.join(query.casefold().split())}%", "limit": PAGE_SIZE}
    db = connection()
    # Page-number pagination counts the matches, as the API's does.
    count = db.execute(f"SELECT COUNT(*) AS n FROM tracker_speaker sp WHERE {SPEAKER_MATCH}", args).fetchone()["n"]
    rows = db.execute(
        f"""
        SELECT sp.id, sp.name, sp.slug, sp.kind, sp.description, sp.wikidata_id, sp.created, sp.updated,
               similarity(sp.name, %(q)s) AS similarity,
               COALESCE((SELECT COUNT(*) FROM tracker_statement s
                         WHERE s.speaker_id = sp.id AND NOT (s.status = 'rejected')), 0) AS statement_count
        FROM tracker_speaker sp WHERE {SPEAKER_MATCH}
        ORDER BY similarity DESC, sp.name, sp.id LIMIT %(limit)s
        """,
        args,
    ).fetchall()
    ids = [row["id"] for row in rows]
    aliases: dict[int, list[str]] = {}
    for alias in db.execute(
        "SELECT speaker_id, name FROM tracker_speakeralias WHERE speaker_id = ANY(%s) ORDER BY name", [ids]
    ):
        aliases.setdefault(alias["speaker_id"], []).append(alias["name"])
    roles: dict[int, list[dict]] = {}
    for role in db.execute(
        "SELECT speaker_id, title, organization, start_date, end_date FROM tracker_speakerrole "
        "WHERE speaker_id = ANY(%s) ORDER BY start_date DESC NULLS LAST, title",
        [ids],
    ):
        roles.setdefault(role.pop("speaker_id"), []).append(role)
    results = []
    for row in rows:
        row.pop("similarity")
        results.append({**row, "aliases": aliases.get(row["id"], []), "roles": roles.get(row["id"], [])})
    return {"count": count, "next": None, "previous": None, "results": results}


DETAIL = re.compile(r"^/api/statements/([0-9]+)/$")


def app(environ, start_response):
    path = environ.get("PATH_INFO", "")
    params = {key: values[-1] for key, values in parse_qs(environ.get("QUERY_STRING", "")).items()}
    try:
        if path == "/api/statements/":
            body = statements(params)
        elif path == "/api/speakers/":
            body = speakers(params)
        elif match := DETAIL.match(path):
            body = statement_detail(int(match.group(1)))
        else:
            body = None
    except psycopg.OperationalError:
        global _connection
        _connection = None
        raise
    except BadSignature:
        start_response("400 Bad Request", [("Content-Type", "application/json")])
        return [b'{"cursor":["Invalid cursor."]}']
    if body is None:
        start_response("404 Not Found", [("Content-Type", "application/json")])
        return [b'{"detail":"Not found."}']
    data = orjson.dumps(body)
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(data)))])
    return [data]
