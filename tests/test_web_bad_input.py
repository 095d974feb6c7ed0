"""Bad input to the web app found by trying every route with odd values: each is one line
naming the field (never a 500, nor a traceback in the server's log), and changes nothing."""

from __future__ import annotations

import pytest

from _web_support import TestClient, error_message  # skips without the web extra
from pourparler.evidence.store import Store
from pourparler.web import create_app


@pytest.mark.parametrize("feed", ["²", "١", "1²"])
def test_a_feed_id_of_digits_that_are_not_ascii_is_refused(db, feed):
    from pourparler.evidence.followed import follow, followed

    with Store(db) as store:
        follow(store, ["https://example.org/feed.xml"], "istanbul-2025")
        [kept] = followed(store)
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        r = c.post("/evidence/feeds/unfollow", data={"feed": feed})
    assert r.status_code == 400
    assert error_message(r.text) == f"feed: &#39;{feed}&#39;: not a feed id"
    with Store(db) as store:
        assert followed(store) == [kept]
