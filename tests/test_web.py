"""Real inputs: web pages, URLs, feeds, PDF and Word files, legacy encodings, standard streams."""

from __future__ import annotations

import builtins
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from summarize import InputError, load_documents, render_briefing, summarize
from summarize.encodings import decode_bytes
from summarize.formats import document_from_html, documents_from_feed, sniff_format
from summarize.language import get_language

from .conftest import assert_verbatim
from .test_seeds import KEY_FACTS, NOISE, _group
from .web_pages import CHROME, feed, local_server, page, seed_pages


@pytest.fixture(scope="module")
def html_seeds(seeds, tmp_path_factory):
    directory = tmp_path_factory.mktemp("html-seeds")
    return directory, seed_pages(seeds, directory)


@pytest.fixture(scope="module")
def html_briefing(html_seeds):
    directory, _ = html_seeds
    return summarize(load_documents([directory]))


# --- HTML pages --------------------------------------------------------------------------------

def test_html_copies_of_the_seeds_quote_no_chrome(html_briefing):
    assert_verbatim(html_briefing)
    for rendered in (render_briefing(html_briefing, "markdown"), render_briefing(html_briefing, "text"), html_briefing.to_json()):
        body = rendered.split("Sources")[0]
        for chrome in [*CHROME, *NOISE]:
            assert chrome not in body, chrome


def test_html_copies_carry_the_same_key_facts_as_the_text_seeds(html_briefing, seeds):
    text_briefing = summarize(load_documents([seeds]))
    for briefing in (html_briefing, text_briefing):
        groups = {_group(sentence.text) for sentence in briefing.sentences}
        assert not [fact for fact, carriers in KEY_FACTS.items() if not carriers & groups]


def test_every_page_source_shows_its_site_name_date_and_url(html_briefing, html_seeds):
    _, facts = html_seeds
    assert len(html_briefing.documents) == 5
    for document in html_briefing.documents:
        expected = facts[Path(document.path).name]
        assert (document.source, document.date, document.url) == (expected["source"], expected["date"], expected["url"])
        assert document.title and "|" not in document.title
    markdown = render_briefing(html_briefing, "markdown")
    for expected in facts.values():
        assert expected["source"] in markdown and expected["date"] in markdown


def test_sources_json_still_overrides_what_the_page_says(html_seeds, tmp_path):
    directory, _ = html_seeds
    name = sorted(p.name for p in directory.glob("*.html"))[0]
    (tmp_path / name).write_bytes((directory / name).read_bytes())
    (tmp_path / "sources.json").write_text(json.dumps({name: {"source": "Wire Desk", "date": "2023-07-11"}}))
    (document,) = load_documents([tmp_path])
    assert (document.source, document.date) == ("Wire Desk", "2023-07-11")
    assert document.url.startswith("https://news0.example.org/")  # the page's, not overridden


def test_html_is_recognised_by_its_content_whatever_the_ending(tmp_path):
    text = page("Storm closes the harbour", ["A storm closed the harbour of Porto on Tuesday, and ferries stayed in port all day."] * 1
                + ["Fishermen said the waves were the highest they had seen in twenty years of work at sea."],
                outlet="Porto Daily", date="2023-01-10", url="https://porto.example.org/storm")
    saved = tmp_path / "download"
    saved.write_text(text, encoding="utf-8")
    assert sniff_format("download", text.encode()) == "html"
    (document,) = load_documents([saved])
    assert document.source == "Porto Daily" and "<" not in document.text and "cookies" not in document.text


def test_document_from_html_is_the_library_helper():
    html = page("Council passes budget", ["The city council passed the budget on Monday after a debate of nine hours.",
                                          "The mayor said the plan funds schools and roads for five years."],
                outlet="City Paper", date="2023-03-01", url="https://city.example.org/budget")
    document = document_from_html(html, id="budget")
    assert (document.id, document.title, document.source, document.date) == (
        "budget", "Council passes budget", "City Paper", "2023-03-01")
    assert "nine hours" in document.text and "Accept all" not in document.text
    with pytest.raises(InputError, match="no article text"):
        document_from_html("<html><body><script>track('Subscribe now.');</script><div></div></body></html>", id="empty")


# --- legacy encodings ----------------------------------------------------------------------------

ENCODED = [
    ("cp1251", "russian", "Союзники готовят декларацию о гарантиях безопасности для Украины перед саммитом НАТО в Вильнюсе. Переговоры идут уже несколько недель, и это не секрет."),
    ("cp1250", "polish", "Sojusznicy przygotowują deklarację o gwarancjach bezpieczeństwa dla Ukrainy przed szczytem NATO w Wilnie. Rozmowy trwają od kilku tygodni i nie są łatwe."),
    ("iso-8859-7", "greek", "Οι σύμμαχοι ετοιμάζουν δήλωση για εγγυήσεις ασφαλείας προς την Ουκρανία πριν από τη σύνοδο του ΝΑΤΟ στο Βίλνιους. Οι συνομιλίες διαρκούν εβδομάδες."),
    ("koi8-r", "russian", "Переговоры о гарантиях безопасности для Украины идут уже несколько недель. Союзники хотят закончить их до саммита НАТО в Вильнюсе."),
    ("gb18030", "chinese", "盟国正在维尔纽斯北约峰会之前为乌克兰准备一份安全保障宣言。谈判已经进行了几个星期。"),
    ("latin-1", "german", "Die Verbündeten bereiten vor dem Gipfel in Vilnius eine Erklärung über Sicherheitsgarantien für die Ukraine vor. Die Gespräche laufen seit Wochen; Größe zählt."),
    ("shift_jis", "japanese", "同盟国はビリニュスでのNATO首脳会議を前に、ウクライナの安全保障に関する宣言を準備している。交渉は数週間続いている。"),
    ("cp1252", "english", "Café owners in Zürich said the “new rules” cost €40 a day — more than they earn."),
]


@pytest.mark.parametrize("encoding, language, text", ENCODED, ids=[row[0] for row in ENCODED])
def test_legacy_encodings_decode_to_the_original(encoding, language, text):
    decoded = decode_bytes(text.encode(encoding), language=get_language(language))
    assert decoded.text == text
    assert not decoded.unsure


def test_a_russian_file_in_windows_1251_is_briefed_in_russian(cli, tmp_path):
    text = ENCODED[0][2]
    (tmp_path / "ru.txt").write_bytes(text.encode("cp1251"))
    result = cli(tmp_path / "ru.txt", "--language", "russian", "-f", "text")
    assert result.status == 0 and result.err == ""
    assert "Союзники готовят декларацию" in result.out and "Ñ" not in result.out


def test_unsure_detection_warns_once_and_names_the_encoding(cli, tmp_path):
    (tmp_path / "ru.txt").write_bytes(ENCODED[0][2].encode("cp1251"))
    result = cli(tmp_path / "ru.txt")  # English assumed: Cyrillic letters are a weak guess
    warnings = [line for line in result.err.splitlines() if "encoding" in line]
    assert len(warnings) == 1 and "ru.txt: not sure of the encoding; read as" in warnings[0] and "--encoding" in warnings[0]


def test_encoding_option_forces_one_and_rejects_unknown_names(cli, tmp_path):
    (tmp_path / "ru.txt").write_bytes(ENCODED[3][2].encode("koi8-r"))
    forced = cli(tmp_path / "ru.txt", "--encoding", "koi8-r", "-f", "json")
    assert forced.status == 0 and "Переговоры о гарантиях" in forced.json()["sentences"][0]["text"]
    wrong = cli(tmp_path / "ru.txt", "--encoding", "utf-8")
    assert wrong.status == 1 and "not valid utf-8 text" in wrong.err
    unknown = cli(tmp_path / "ru.txt", "--encoding", "klingon")
    assert unknown.status == 2 and "unknown encoding 'klingon'" in unknown.err


# --- URLs ----------------------------------------------------------------------------------------

def _article(title: str, outlet: str, *sentences: str) -> str:
    return page(title, list(sentences), outlet=outlet, date="2023-07-10", url="")


STORY_A = _article("Flood closes valley road", "Valley News",
                   "Heavy rain flooded the Arden valley on Monday and more than 3,000 residents left their homes.",
                   "Rescue teams used boats to reach families in the lower town of Millbrook.")
STORY_B = _article("River Arden bursts its banks", "Regional Radio",
                   "The river Arden burst its banks on Monday and about 3,000 residents of Millbrook were evacuated.",
                   "The governor declared a state of emergency in the Arden valley.")


def test_urls_are_fetched_and_failures_skipped_with_a_reason(cli):
    with local_server() as server:
        good = server.serve("/news/flood-closes-road.html", STORY_A)
        target = server.serve("/radio/arden.html", STORY_B)
        moved = server.redirect("/r/arden", target)
        missing = server.url("/gone.html")
        image = server.serve("/photo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), content_type="image/png")
        result = cli(good, moved, missing, image, "--private-urls", "-f", "json", "--timeout", "5")
    assert result.status == 0, result.err
    documents = result.json()["documents"]
    assert [d["url"] for d in documents] == [good, target]  # the final URL after the redirect
    assert [d["source"] for d in documents] == ["Valley News", "Regional Radio"]
    assert f"skipped {missing}: the server answered HTTP 404" in result.err
    assert f"skipped {image}: not a web page, feed or text (content type image/png)" in result.err


@pytest.mark.parametrize("case", ["timeout", "oversize", "private"])
def test_url_failures_are_one_clear_line(cli, case):
    with local_server() as server:
        url = server.serve("/slow.html", STORY_A)
        options = ["--private-urls"]
        if case == "timeout":
            server.delay("/slow.html", 3.0)
            options += ["--timeout", "1"]
            expected = "no answer within 1 s"
        elif case == "oversize":
            options += ["--max-bytes", "500"]
            expected = "larger than the limit of 500 bytes"
        else:
            options = []
            expected = "the address is on this machine or a private network (allow it with --private-urls)"
        result = cli(url, *options)
    assert result.status == 1
    lines = result.err.strip().splitlines()
    assert lines[-1].startswith("summarize: error: nothing to summarize") and expected in lines[-1], result.err
    assert "Traceback" not in result.err


def test_urls_file(cli, tmp_path):
    with local_server() as server:
        first = server.serve("/a.html", STORY_A)
        second = server.serve("/b.html", STORY_B)
        listing = tmp_path / "urls.txt"
        listing.write_text(f"# today's flood coverage\n{first}\n\n{second}\n")
        result = cli("--urls", listing, "--private-urls", "-f", "json")
    assert result.status == 0 and [d["url"] for d in result.json()["documents"]] == [first, second]
    listing.write_text("not a url\n")
    bad = cli("--urls", listing)
    assert bad.status == 1 and "urls.txt:1: not an http(s) URL" in bad.err


def test_load_documents_takes_urls(monkeypatch):
    with local_server() as server:
        url = server.serve("/story", STORY_A)
        (document,) = load_documents([url], private_urls=True)
    assert (document.id, document.url, document.path, document.source) == ("story", url, url, "Valley News")


# --- feeds ---------------------------------------------------------------------------------------

ENTRIES = [
    {"title": "Flood closes valley road", "link": "https://wire.example.org/flood", "date": "2023-07-10",
     "summary": "<p>Heavy rain flooded the Arden valley on Monday &amp; more than 3,000 residents left their homes.</p>"
                "<p>Rescue teams used boats to reach families in the lower town.</p>"},
    {"title": "Governor declares emergency", "link": "https://wire.example.org/emergency", "date": "2023-07-11",
     "summary": "The governor declared a state of emergency in the Arden valley on Tuesday as the river kept rising."},
]


@pytest.mark.parametrize("atom", [False, True], ids=["rss", "atom"])
def test_a_feed_is_one_document_per_entry(tmp_path, atom):
    path = tmp_path / ("news.atom" if atom else "news.xml")
    path.write_text(feed(ENTRIES, atom=atom), encoding="utf-8")
    documents = load_documents([path])
    assert [(d.title, d.url, d.date, d.source) for d in documents] == [
        ("Flood closes valley road", "https://wire.example.org/flood", "2023-07-10", "World news — Example Wire"),
        ("Governor declares emergency", "https://wire.example.org/emergency", "2023-07-11", "World news — Example Wire"),
    ]
    assert documents[0].text.startswith("Heavy rain flooded the Arden valley on Monday & more")
    assert "<p>" not in documents[0].text and "&amp;" not in documents[0].text
    assert [d.id for d in documents] == ["news-1", "news-2"]


def test_follow_links_reads_the_page_of_a_short_entry(cli, tmp_path):
    with local_server() as server:
        link = server.serve("/flood.html", STORY_A)
        entries = [dict(ENTRIES[0], link=link, summary="Flooding in the Arden valley.")]
        feed_url = server.serve("/feed.xml", feed(entries), content_type="application/rss+xml")
        short = cli(feed_url, "--private-urls", "-f", "json")
        followed = cli(feed_url, "--private-urls", "--follow-links", "-f", "json")
    assert short.status == 0 and followed.status == 0, followed.err
    assert "Rescue teams used boats" not in short.out
    document = followed.json()["documents"][0]
    assert (document["title"], document["url"]) == ("Flood closes valley road", link)
    assert "Rescue teams used boats" in followed.out


def test_a_broken_feed_is_skipped_with_a_reason(tmp_path):
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>x</title>", encoding="utf-8")
    with pytest.raises(InputError, match="broken.rss: (not a readable RSS or Atom feed|the feed has no entries)"):
        load_documents([path])
    with pytest.raises(InputError):
        documents_from_feed(b"<rss></rss>", name="empty")


# --- PDF and Word (the documents extra) ------------------------------------------------------------

def _pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF that shows ``lines`` (Helvetica, one text object a line)."""
    stream = "BT /F1 11 Tf 50 760 Td 14 TL " + " ".join(
        "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


PDF_LINES = ["Heavy rain flooded the Arden valley on Monday and 3,000 residents left their homes.",
             "Rescue teams used boats to reach families in the lower town of Millbrook."]


def test_pdf_and_docx_are_read_with_the_extra(tmp_path):
    pytest.importorskip("pypdf", reason="the documents extra is part of the test extra; CI has it")
    docx = pytest.importorskip("docx", reason="the documents extra is part of the test extra; CI has it")
    (tmp_path / "report.pdf").write_bytes(_pdf(PDF_LINES))
    word = docx.Document()
    for line in PDF_LINES:
        word.add_paragraph(line)
    word.save(str(tmp_path / "memo.docx"))
    documents = load_documents([tmp_path])
    assert [d.id for d in documents] == ["memo", "report"]
    for document in documents:
        assert "Heavy rain flooded the Arden valley" in document.text and "Rescue teams" in document.text
    assert summarize(documents, sentences=1).sentences


def test_without_the_extra_pdf_and_docx_are_skipped_naming_it(cli, tmp_path, monkeypatch):
    (tmp_path / "report.pdf").write_bytes(_pdf(PDF_LINES))
    (tmp_path / "memo.docx").write_bytes(b"PK\x03\x04" + bytes(64))
    (tmp_path / "note.txt").write_text("The council approved the new budget on Monday after a long debate. "
                                       "The mayor said it funds schools and roads.")
    real_import = builtins.__import__

    def no_extra(name, *args, **kwargs):
        if name in ("pypdf", "docx"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_extra)
    result = cli(tmp_path)
    assert result.status == 0
    assert "report.pdf: a PDF file; to read PDF files, pip install 'summarize[documents]'" in result.err
    assert "memo.docx: a Word file; to read .docx files, pip install 'summarize[documents]'" in result.err
    assert "binary" not in result.err


# --- standard streams --------------------------------------------------------------------------------

def _run(*argv: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "summarize", *argv], input=stdin, capture_output=True, check=False)


def test_piped_input_without_a_path_is_read(seeds):
    text = (seeds / "004_2ceb528c8538ea49.txt").read_bytes()
    result = _run("-n", "2", stdin=text)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith("# ") and "[1]" in result.stdout.decode()


def test_batch_dash_reads_json_lines_from_standard_input():
    lines = "".join(json.dumps({"set": name, "text": text}) + "\n" for name, text in [
        ("flood", "Heavy rain flooded the Arden valley on Monday and thousands of residents left their homes. "
                  "Rescue teams used boats to reach families."),
        ("chess", "Elena Varga won the world chess championship in Reykjavik on Sunday after a rapid tiebreak. "
                  "She is the youngest champion in a decade."),
    ])
    result = _run("--batch", "-", stdin=lines.encode())
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["set"] for line in result.stdout.decode().splitlines()] == ["flood", "chess"]


def test_output_dash_is_standard_output(cli, seeds, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli(seeds, "-n", "2", "-o", "-", "-f", "json")
    assert result.status == 0 and result.json()["sentences"]
    assert not (tmp_path / "-").exists()


def test_a_terminal_without_input_is_still_a_usage_error():
    from summarize.cli import parse_args

    with pytest.raises(SystemExit):
        parse_args([], stdin_piped=False)
    assert parse_args([], stdin_piped=True).paths == ["-"]


def test_reading_standard_input_keeps_it_open(monkeypatch):
    from summarize.batch import load_sets

    stream = io.TextIOWrapper(io.BytesIO(b'{"set": "a", "text": "One sentence here. And another one."}\n'))
    monkeypatch.setattr(sys, "stdin", stream)
    (only,) = load_sets("-")
    assert only.id == "a" and not stream.buffer.closed


def test_web_readers_load_only_when_a_page_or_feed_is_read():
    code = "import sys, summarize; print(sorted(m for m in ('trafilatura', 'feedparser', 'pypdf', 'docx') if m in sys.modules))"
    process = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert process.stdout.strip() == "[]", process.stderr


def test_plain_text_by_url_is_decoded_by_the_servers_charset(cli):
    text = "Союзники готовят декларацию о гарантиях безопасности для Украины. Переговоры идут уже несколько недель."
    with local_server() as server:
        url = server.serve("/ru.txt", text.encode("koi8-r"), content_type="text/plain; charset=koi8-r")
        result = cli(url, "--private-urls", "--language", "russian", "-f", "text")
    assert result.status == 0 and "Союзники готовят декларацию" in result.out and result.err == ""
