"""The per-document clock and the limits file."""

from __future__ import annotations

import signal
import threading
import time

import pandas as pd
import pytest
import regex

from pipeline.errors import DocumentError
from pipeline.limits import TIME_LIMIT_ENV, limits, time_limit

# the digit-space pattern normalise had before: cubic in a run of "1 1 1 …"
CUBIC = regex.compile(r"(?<=(?:^|[^\d.])\d(?: \d)*) (?=\d(?:\D|$))")


@pytest.mark.issue(14)
def test_limits_time_limit_interrupts_a_runaway_regex():
    started = time.perf_counter()
    with pytest.raises(DocumentError, match=r"^corpus/x/2018.txt: took longer than 0.3 s"):
        with time_limit(0.3, "corpus/x/2018.txt"):
            CUBIC.sub("", "1 " * 100_000)  # minutes without the limit
    assert time.perf_counter() - started < 5
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.issue(14)
def test_limits_time_limit_repeats_when_the_first_alarm_is_swallowed():
    with pytest.raises(DocumentError, match="took longer than 0.2 s"):
        with time_limit(0.2, "x.txt"):
            try:
                while True:
                    pass
            except Exception:  # noqa: BLE001 - code that swallows one alarm
                pass
            while True:
                pass


@pytest.mark.issue(14)
def test_limits_fast_body_and_the_callers_alarm_survive():
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *a: fired.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 1.0)
        with time_limit(5, "x.txt"):
            time.sleep(0.05)
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < left < 1.0
        time.sleep(left + 0.2)
        assert fired == [True]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.issue(14)
def test_limits_off_and_outside_the_main_thread():
    with time_limit(0, "x.txt"):
        time.sleep(0.01)
    errors = []

    def work():
        try:
            with time_limit(0.01, "x.txt"):
                time.sleep(0.05)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert errors == []


@pytest.mark.issue(14)
def test_limits_file_and_environment(monkeypatch):
    assert limits().document_seconds == 120 and (limits().first_year, limits().last_year) == (1900, 2100)
    monkeypatch.setenv(TIME_LIMIT_ENV, "2.5")
    assert limits().document_seconds == 2.5
    monkeypatch.setenv(TIME_LIMIT_ENV, "soon")
    with pytest.raises(DocumentError, match="PLANTASKS_TIME_LIMIT: not a number of seconds: 'soon'"):
        limits()


@pytest.mark.issue(14)
@pytest.mark.parametrize("engine", ["local", "prefect"])
def test_limits_slow_document_fails_alone(copy_corpus, tmp_path, monkeypatch, engine):
    import pipeline.extract.document as document
    from pipeline.orchestrate.engines import run_corpus

    corpus = copy_corpus("dalian-edu/2018.txt", "gov-report/2019.txt")
    real = document.normalise_with_layout

    def stuck_on_the_report(text):
        if text.startswith("各位代表"):  # gov-report 2019 opens with 各位代表：
            while True:
                pass
        return real(text)

    monkeypatch.setattr(document, "normalise_with_layout", stuck_on_the_report)
    monkeypatch.setenv(TIME_LIMIT_ENV, "1")
    summary = run_corpus(corpus, tmp_path / "out", engine=engine, workers=1)
    assert summary.documents_ok == 1 and summary.documents_failed == 1
    assert summary.failures[0][1].endswith(
        "gov-report/2019.txt: took longer than 1 s (raise the limit with `plantasks run --time-limit` "
        "or document_seconds in pipeline/data/limits.yaml)"
    )
    docs = pd.read_parquet(tmp_path / "out" / "documents").set_index("doc_id")
    assert docs.loc["dalian-edu-2018", "status"] == "ok"
