"""CSV output (``--format csv``, ``render(article, "csv")``): one row per page, the JSON
record's fields in its order, RFC 4180; read back with the standard csv reader."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import declutter
from outputs_helpers import cli, make_workspace, real_page


def _rows(data: bytes) -> list[dict[str, str]]:
    text = data.decode("utf-8")
    assert "\r\n" in text and text.endswith("\r\n")  # RFC 4180 line ends
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _as_json_cells(record: dict[str, object]) -> dict[str, str]:
    def cell(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, list):
            return json.dumps(value, ensure_ascii=False)
        return str(value)

    return {name: cell(value) for name, value in record.items()}


def test_a_batch_is_one_header_and_a_row_per_page_with_the_json_fields(tmp_path: Path) -> None:
    work = make_workspace(tmp_path / "work")
    as_csv = cli("--format", "csv", "pages/", cwd=work)
    as_jsonl = cli("--format", "jsonl", "pages/", cwd=work)
    assert as_csv.returncode == as_jsonl.returncode == 0, as_csv.stderr
    records = [json.loads(line) for line in as_jsonl.stdout.splitlines()]
    header = as_csv.stdout.decode().split("\r\n", 1)[0].split(",")
    assert header == list(records[0])  # the same fields, in the same order
    rows = _rows(as_csv.stdout)
    assert rows == [_as_json_cells(r) for r in records]
    assert any("\n" in r["body"] for r in rows)  # multi-line bodies survive, quoted


def test_render_csv_reads_back_as_the_article() -> None:
    article = declutter.extract(real_page("people_20240517_xcz.html"))
    (row,) = _rows(declutter.render(article, "csv").encode())
    assert row["input"] == "" and row["body"] == article.body
    assert json.loads(row["authors"]) == list(article.authors)
    assert row["score"] == str(article.score) and row["truncated"] == "false"


def test_output_dir_gives_each_page_a_csv_file_with_its_header(tmp_path: Path) -> None:
    work = make_workspace(tmp_path / "work")
    result = cli("--format", "csv", "-o", "out", "page.html", "pages/a.html", cwd=work)
    assert result.returncode == 0, result.stderr
    for name in ("out/page.csv", "out/pages/a.csv"):
        (row,) = _rows((work / name).read_bytes())
        assert row["input"] == name.removeprefix("out/").replace(".csv", ".html")


def test_json_always_names_its_input_first(tmp_path: Path) -> None:
    work = make_workspace(tmp_path / "work")
    record = json.loads(cli("--format", "json", "page.html", cwd=work).stdout)
    assert list(record)[:2] == ["input", "body"] and record["input"] == "page.html"
