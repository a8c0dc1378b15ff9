"""kb.enrich: the polite client, the cache, the two sources and the match, against a local server."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.enrich.apply import normalised
from kb.enrich.cache import Cache, Lookup, cache_path
from kb.enrich.http import NetworkError, PoliteClient, RequestRefused, ServiceUnavailable
from kb.enrich.match import Verdict, compare, judge
from kb.enrich.records import Candidate, MalformedResponse, crossref_candidates, pubmed_candidates
from kb.enrich.sources import CrossrefSource, Fetcher, NotCached, PubMedSource, Target
from kb.model import Name
from tests.fake_services import FIXTURES, Answer, Route, fake_services

STANWORTH = Target("w_1", "Stanworth", "2015", "Br J Haematol")
QAMAR = Target("w_2", "Qamar", "2022", "Blood")


def _client(**kw: float) -> PoliteClient:
    return PoliteClient(1000, timeout=kw.get("timeout", 2.0), retries=int(kw.get("retries", 2)), backoff=0.01)


def _fetcher(tmp_path: Path, client: PoliteClient | None) -> Fetcher:
    return Fetcher(Cache(tmp_path / "cache.db"), client, lambda: "2026-12-03T10:00:00Z")


# --- the client ---------------------------------------------------------------------------------------


def test_429_is_retried_after_backoff_then_answered() -> None:
    route = Route("/x", [Answer(429, "slow down", headers={"Retry-After": "0"}), Answer(200, "fine")])
    with fake_services([route]) as s:
        client = _client()
        answer = client.get(f"{s.url}/x", {"a": "1"})
    assert (answer.status, answer.text(), client.requests) == (200, "fine", 2)


def test_500_on_every_try_is_service_unavailable_with_a_clear_message() -> None:
    with fake_services([Route("/x", [Answer(500, "boom")])]) as s:
        client = _client(retries=2)
        with pytest.raises(ServiceUnavailable, match=r"answered 500 to 3 tries.*--offline"):
            client.get(f"{s.url}/x", {})
    assert client.requests == 3


def test_a_timeout_is_retried_then_reported_as_unreachable() -> None:
    with fake_services([Route("/slow", [Answer(200, "late", delay=1.0)])]) as s:
        client = _client(timeout=0.2, retries=1)
        with pytest.raises(NetworkError, match=r"cannot reach 127\.0\.0\.1:\d+ .*after 2 tries.*--offline"):
            client.get(f"{s.url}/slow", {})


def test_no_server_is_a_network_error_not_a_traceback() -> None:
    client = _client(retries=0)
    with pytest.raises(NetworkError, match="cannot reach"):
        client.get("http://127.0.0.1:9/nothing", {})


def test_the_rate_limit_spaces_requests() -> None:
    clock = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock[0] += seconds

    with fake_services([Route("/x", [Answer(200, "ok")])]) as s:
        client = PoliteClient(3, sleep=sleep, clock=lambda: clock[0])
        for _ in range(3):
            client.get(f"{s.url}/x", {})
    assert len(slept) == 2 and all(abs(x - 1 / 3) < 1e-9 for x in slept)


# --- the cache and the fetcher ------------------------------------------------------------------------


def test_secrets_stay_out_of_the_cache_and_a_cached_answer_is_reused(tmp_path: Path) -> None:
    with fake_services([Route("/esearch.fcgi", [Answer(file="esearch_stanworth.json")])]) as s:
        fetcher = _fetcher(tmp_path, _client())
        params = {"term": "x", "api_key": "SECRETKEY0123456789abc", "email": "me@example.org"}
        first, when = fetcher.get(f"{s.url}/esearch.fcgi", params)
        again, when_again = fetcher.get(f"{s.url}/esearch.fcgi", params)
        assert len(s.requests) == 1
    assert "SECRET" not in first.url and "example.org" not in first.url
    assert again.body == first.body and when == when_again == "2026-12-03T10:00:00Z"
    stored = (tmp_path / "cache.db").read_bytes()
    assert b"SECRETKEY" not in stored and b"me@example.org" not in stored


def test_offline_without_a_cached_answer_raises_not_cached(tmp_path: Path) -> None:
    with pytest.raises(NotCached):
        _fetcher(tmp_path, None).get("http://127.0.0.1:9/x", {"a": "b"})


def test_cache_path_is_beside_the_database() -> None:
    assert cache_path(Path("db/evidence.db")) == Path("db/evidence.enrich-cache.db")


def test_lookups_round_trip(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c.db")
    c = Candidate("pubmed", "1", "u", title="T", authors=[["A", "B", ""]], years=["2015"])
    cache.put_lookup(Lookup("k", "pubmed", "2026-12-03T10:00:00Z", [c.to_json()], ["u1"]))
    got = cache.lookup("k", "pubmed")
    assert got is not None and [Candidate.from_json(x) for x in got.candidates] == [c]


# --- the records and the sources ----------------------------------------------------------------------


def test_medline_answer_becomes_candidates_with_every_field() -> None:
    [c] = pubmed_candidates((FIXTURES / "efetch_stanworth.txt").read_text())
    assert (c.source, c.source_id, c.pmid, c.doi) == (
        "pubmed",
        "900000101",
        "900000101",
        "10.5555/bjh.2015.0101",
    )
    assert c.title.startswith("Platelet transfusion refractoriness") and c.journal == "Br J Haematol"
    assert (c.volume, c.issue, c.pages, c.years) == ("169", "5", "712-20", ["2015"])
    assert c.authors[0] == ["Stanworth", "Simon J", "", ""] and "Platelet Transfusion" in c.mesh
    assert "31% of patients" in c.abstract and c.url == "https://pubmed.ncbi.nlm.nih.gov/900000101/"


def test_crossref_suffix_is_kept() -> None:
    """A real Crossref answer (10.1021/acs.orglett.7b03845, recorded; see tests/fixtures/README.md) whose
    author carries ``"suffix": "III"``: the name keeps it, through normalisation too."""
    [c] = crossref_candidates((FIXTURES / "crossref_smith_suffix.json").read_text(encoding="utf-8"))
    assert c.names == [Name(family="Smith", given="Amos B.", suffix="III")]
    assert normalised(c).names == [Name(family="Smith", given="Amos B.", suffix="III")]


def test_a_cached_candidate_without_suffixes_still_reads() -> None:
    old = Candidate.from_json(
        {"source": "crossref", "source_id": "d", "url": "u", "authors": [["Doe", "J.", ""]]}
    )
    assert old.names == [Name(family="Doe", given="J.")]


def test_medline_suffix_is_kept() -> None:
    [c] = pubmed_candidates("PMID- 1\nFAU - Solberg, Lawrence A Jr\nAU  - Solberg LA Jr\nTI  - A title.\n")
    assert c.names == [Name(family="Solberg", given="Lawrence A", suffix="Jr")]


def test_crossref_answer_becomes_candidates_with_print_and_online_years() -> None:
    [c] = crossref_candidates((FIXTURES / "crossref_stanworth.json").read_text())
    assert (c.source, c.doi, c.journal, c.journal_full) == (
        "crossref",
        "10.5555/BJH.2015.0101",
        "Br J Haematol",
        "British Journal of Haematology",
    )
    assert c.years == ["2015"] and c.pages == "712-720" and c.authors[0][0] == "Stanworth"


@pytest.mark.parametrize("name", ["malformed.json", "malformed.html", "deep"])
def test_malformed_answers_are_malformed_response(name: str) -> None:
    text = "[" * 100_000 + "]" * 100_000 if name == "deep" else (FIXTURES / name).read_text()
    with pytest.raises(MalformedResponse):
        crossref_candidates(text)
    with pytest.raises(MalformedResponse):
        pubmed_candidates(text)


def test_pubmed_source_searches_then_fetches_medline(tmp_path: Path) -> None:
    routes = [
        Route("/esearch.fcgi", [Answer(file="esearch_stanworth.json")], {"term": "stanworth"}),
        Route(
            "/efetch.fcgi", [Answer(file="efetch_stanworth.txt")], {"id": "900000101", "rettype": "medline"}
        ),
    ]
    with fake_services(routes) as s:
        source = PubMedSource(_fetcher(tmp_path, _client()), s.url, email="me@example.org")
        candidates, urls, when = source.lookup(STANWORTH)
        term = s.requests[0][1]["term"]
    assert [c.pmid for c in candidates] == ["900000101"] and len(urls) == 2 and when
    assert term == '"Stanworth"[1au] AND 2015[dp] AND "Br J Haematol"[ta]'


def test_pubmed_query_uses_title_words_and_a_doi_alone_when_there_is_one() -> None:
    source = PubMedSource(Fetcher(Cache(Path(":memory:")), None, str), "http://x")
    titled = Target(
        "w", "Moulis", "2014", "Therapie", "Pharmacoepidemiology of immune thrombocytopenia: FAITH"
    )
    assert source.term(titled).endswith(
        "pharmacoepidemiology[ti] AND immune[ti] AND thrombocytopenia[ti] AND faith[ti]"
    )
    assert source.term(Target("w", "A", "2020", "J", doi="10.1/x")) == '"10.1/x"[doi]'


def test_a_bad_api_key_is_refused_with_a_hint(tmp_path: Path) -> None:
    with fake_services([Route("/esearch.fcgi", [Answer(400, file="api_key_invalid.json")])]) as s:
        source = PubMedSource(
            _fetcher(tmp_path, _client()), s.url, api_key="0123456789abcdef0123456789abcdef0123"
        )
        with pytest.raises(
            RequestRefused, match=r"refused the request \(400.*API key invalid.*check --api-key"
        ):
            source.lookup(STANWORTH)


def test_crossref_source_asks_the_polite_pool_within_the_year(tmp_path: Path) -> None:
    with fake_services([Route("/works", [Answer(file="crossref_stanworth.json")])]) as s:
        source = CrossrefSource(_fetcher(tmp_path, _client()), s.url, email="me@example.org")
        [c], _, _ = source.lookup(STANWORTH)
        params = s.requests[0][1]
    assert c.doi == "10.5555/BJH.2015.0101"
    assert (
        params["mailto"] == "me@example.org" and params["filter"] == "from-pub-date:2015,until-pub-date:2015"
    )
    assert params["query.author"] == "Stanworth"


def test_crossref_by_doi_and_a_404_is_no_candidate(tmp_path: Path) -> None:
    with fake_services([]) as s:
        source = CrossrefSource(_fetcher(tmp_path, _client()), s.url)
        assert source.lookup(Target("w", "A", "2020", "J", doi="10.5555/none"))[0] == []
        assert s.requests[0][0] == "/works/10.5555/none"


# --- the match ----------------------------------------------------------------------------------------


def _pubmed(name: str) -> list[Candidate]:
    return pubmed_candidates((FIXTURES / name).read_text())


def test_one_publication_from_both_services_is_accepted_once() -> None:
    both = _pubmed("efetch_stanworth.txt") + crossref_candidates(
        (FIXTURES / "crossref_stanworth.json").read_text()
    )
    match = judge(STANWORTH, both)
    assert match.verdict is Verdict.ACCEPTED and [c.source for c in match.accepted] == ["pubmed", "crossref"]


def test_two_publications_that_both_agree_are_ambiguous() -> None:
    match = judge(QAMAR, _pubmed("efetch_qamar.txt"))
    assert match.verdict is Verdict.AMBIGUOUS and len(match.candidates) == 2 and not match.accepted


def test_another_journal_is_weak_and_goes_to_review() -> None:
    match = judge(Target("w", "Pedini", "2022", "Transfusion"), _pubmed("efetch_pedini.txt"))
    assert match.verdict is Verdict.WEAK


@pytest.mark.parametrize(
    ("target", "why"),
    [
        (Target("w", "Navarrete", "2015", "Br J Haematol"), "another first author"),
        (Target("w", "Stanworth", "2016", "Br J Haematol"), "another year"),
        (
            Target("w", "Stanworth", "2015", "Br J Haematol", "Eltrombopag in children with chronic ITP"),
            "another title",
        ),
    ],
)
def test_a_candidate_that_disagrees_is_never_accepted(target: Target, why: str) -> None:
    assert judge(target, _pubmed("efetch_stanworth.txt")).verdict is not Verdict.ACCEPTED, why


def test_journal_abbreviation_and_full_name_agree() -> None:
    [c] = _pubmed("efetch_stanworth.txt")
    assert compare(Target("w", "Stanworth", "2015", "British Journal of Haematology"), c).journal is True


def test_a_shared_doi_does_not_stand_for_another_first_author() -> None:
    [c] = _pubmed("efetch_stanworth.txt")
    assert (
        judge(Target("w", "Dupont", "2015", "", doi="10.5555/bjh.2015.0101"), [c]).verdict
        is not Verdict.ACCEPTED
    )


def test_the_cli_constants_are_the_stage_ones() -> None:
    from kb import cli
    from kb.enrich import http, run

    assert cli.ENRICH_ONLY == run.ONLY
    assert (http.NetworkError.exit_code, http.RequestRefused.exit_code) == (
        cli.EXIT_NETWORK,
        cli.EXIT_REFUSED,
    )
    assert {
        cli.EXIT_OK,
        cli.EXIT_ERROR,
        cli.EXIT_STRICT,
        cli.EXIT_NETWORK,
        cli.EXIT_REFUSED,
        cli.EXIT_PARTIAL,
        cli.EXIT_UNKNOWN_TREATMENT,
    } == set(range(7))
