"""A serving process moves its long-lived objects out of the cyclic GC's reach once, when warm."""

from __future__ import annotations

import gc

import pytest
from flask import Flask

from service import GC_FREEZE_AFTER, _configure_gc


def _app(testing: bool) -> Flask:
    app = Flask(__name__)
    app.testing = testing
    app.add_url_rule("/", "hello", lambda: "hello")
    _configure_gc(app)
    return app


def test_frozen_once_after_the_first_requests(monkeypatch: pytest.MonkeyPatch) -> None:
    frozen: list[int] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(1))
    app = _app(testing=False)
    app.testing = True  # only the test client's error handling; the hook is in place
    client = app.test_client()
    for _ in range(GC_FREEZE_AFTER - 1):
        client.get("/")
    assert frozen == []
    client.get("/")
    assert frozen == [1]
    for _ in range(10):
        client.get("/")
    assert frozen == [1]


def test_not_in_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    frozen: list[int] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(1))
    client = _app(testing=True).test_client()
    for _ in range(GC_FREEZE_AFTER + 5):
        client.get("/")
    assert frozen == []
