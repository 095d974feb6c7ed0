"""The evidence store's schema: the ordered migrations that build it from nothing, each applied
once and recorded in ``schema_version``, and the tables it is made of
(:class:`pourparler.evidence.store.Store` applies them when it opens a store)."""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        file_name TEXT NOT NULL,
        path TEXT NOT NULL,
        format TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        locator TEXT,
        date TEXT,
        text TEXT NOT NULL,
        offset_runs TEXT NOT NULL,
        added_at TEXT NOT NULL
    );
    CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        scenario TEXT NOT NULL,
        actor TEXT NOT NULL,
        issue TEXT NOT NULL,
        stance TEXT NOT NULL,
        negated INTEGER NOT NULL,
        position REAL,
        confidence REAL NOT NULL,
        sentence TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        raw_start INTEGER NOT NULL,
        raw_end INTEGER NOT NULL,
        cue TEXT NOT NULL,
        speaker TEXT
    );
    """,
    """
    CREATE INDEX claims_actor_issue ON claims(scenario, actor, issue);
    CREATE INDEX claims_document ON claims(document_id, scenario);
    """,
    # 3: which reader (and model) made each claim, its review status, and the review audit
    """
    ALTER TABLE claims ADD COLUMN reader TEXT NOT NULL DEFAULT 'rules';
    ALTER TABLE claims ADD COLUMN model TEXT;
    ALTER TABLE claims ADD COLUMN status TEXT NOT NULL DEFAULT 'pending';
    CREATE INDEX claims_status ON claims(status);
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        old TEXT NOT NULL,
        new TEXT NOT NULL,
        note TEXT
    );
    CREATE INDEX reviews_claim ON reviews(claim_id, id);
    """,
    # 4: the date the text gives a claim's stance ("2025-03"), NULL when it gives none
    """
    ALTER TABLE claims ADD COLUMN stated_on TEXT;
    """,
    # 5: the page of a paged document (a PDF) a claim is on, NULL for other documents
    """
    ALTER TABLE claims ADD COLUMN page INTEGER;
    """,
    # 6: the news feeds an analyst follows, each for a scenario (pourparler.evidence.followed),
    # and each reading of a document (by a reader and model, about a scenario), claims or none,
    # so that a document read without finding a claim is not read (or fetched) again; the
    # readings the claims of an older store show are filled in. model '': no model (a UNIQUE
    # constraint would take NULLs for different values)
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        scenario TEXT NOT NULL,
        added_at TEXT NOT NULL,
        read_at TEXT,
        UNIQUE (url, scenario)
    );
    CREATE TABLE readings (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        scenario TEXT NOT NULL,
        reader TEXT NOT NULL,
        model TEXT NOT NULL DEFAULT '',
        read_at TEXT,
        UNIQUE (document_id, scenario, reader, model)
    );
    INSERT OR IGNORE INTO readings (document_id, scenario, reader, model)
        SELECT DISTINCT document_id, scenario, reader, COALESCE(model, '') FROM claims;
    """,
    # 7: the web app's reading jobs (pourparler.web.evidence_jobs), so that a job's page and
    # what became of each of its articles outlive the server; ``job`` holds the rest as JSON
    """
    CREATE TABLE reading_jobs (
        id TEXT PRIMARY KEY,
        scenario TEXT NOT NULL,
        reader TEXT NOT NULL,
        state TEXT NOT NULL,
        job TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT
    );
    CREATE INDEX reading_jobs_started ON reading_jobs(started_at);
    """,
    # 8: what a followed feed's server said of its last complete read (ETag, Last-Modified),
    # sent back the next time so that an unchanged feed is not downloaded again
    """
    ALTER TABLE feeds ADD COLUMN etag TEXT;
    ALTER TABLE feeds ADD COLUMN modified TEXT;
    """,
    # 9: whose voice a followed feed's articles are in (an actor id; NULL: found in each text)
    """
    ALTER TABLE feeds ADD COLUMN voice TEXT;
    """,
)


STORE_TABLES = frozenset(
    {"schema_version", "documents", "claims", "reviews", "feeds", "readings", "reading_jobs"}
)
