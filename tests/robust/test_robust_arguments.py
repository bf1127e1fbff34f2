"""The only exceptions `extract` raises: `TypeError`s for arguments of the wrong type
(`InputTypeError` for the page itself), with a message naming what was wrong."""

from __future__ import annotations

import array
import io
from datetime import datetime
from pathlib import Path

import pytest

import declutter
from declutter import InputTypeError

_PAGE = "<html><body><article><p>The council met on Tuesday, and it said so.</p></article></body></html>"


class _Str(str):
    pass


class _Bytes(bytes):
    pass


@pytest.mark.parametrize(
    "page",
    [None, 42, 4.2, ["<p>x</p>"], {"html": "x"}, object(), Path("page.html"), io.BytesIO(b"<p>x</p>"),
     iter([b"<p>"]), array.array("b", b"<p>x</p>")],
    ids=lambda page: type(page).__name__,
)  # fmt: skip
def test_a_page_of_the_wrong_type_is_an_input_type_error(page: object) -> None:
    with pytest.raises(InputTypeError, match="bytes or str"):
        declutter.extract(page)  # type: ignore[arg-type]


def test_input_type_error_is_a_type_error() -> None:
    assert issubclass(InputTypeError, TypeError)


def test_a_released_memoryview_is_an_input_type_error() -> None:
    view = memoryview(_PAGE.encode())
    view.release()
    with pytest.raises(InputTypeError, match="memoryview"):
        declutter.extract(view)


@pytest.mark.parametrize(
    "page",
    [_Str(_PAGE), _Bytes(_PAGE.encode()), bytearray(_PAGE.encode()), memoryview(_PAGE.encode()),
     memoryview(_PAGE.encode())[::1], memoryview(array.array("B", _PAGE.encode())),
     memoryview((_PAGE + " ").encode()).cast("H"), memoryview(_PAGE.encode()).toreadonly()],
    ids=["str_subclass", "bytes_subclass", "bytearray", "memoryview", "memoryview_slice",
         "memoryview_array", "memoryview_wide_items", "memoryview_readonly"],
)  # fmt: skip
def test_every_kind_of_page_argument(page: object) -> None:
    article = declutter.extract(page)  # type: ignore[arg-type]
    assert "The council met on Tuesday" in article.body


def test_a_strided_memoryview() -> None:
    page = bytes(b for pair in zip(_PAGE.encode(), b"#" * len(_PAGE)) for b in pair)
    assert "The council met" in declutter.extract(memoryview(page)[::2]).body


def test_max_bytes_counts_bytes_of_a_wide_memoryview() -> None:
    view = memoryview((_PAGE + " ").encode()).cast("H")  # 2-byte items: 40 bytes, not 80
    article = declutter.extract(view, options=declutter.Options(max_bytes=40))
    assert article.truncated and article.body == "The council met"


@pytest.mark.parametrize(
    ("keyword", "value", "message"),
    [("url", b"https://example.com/", "url must be a str"), ("url", 1, "url must be a str"),
     ("encoding", b"utf-8", "encoding must be a str"), ("options", {"max_bytes": 1}, "declutter.Options"),
     ("reference_time", "2024-01-01", "reference_time must be a datetime")],
)  # fmt: skip
def test_other_arguments_of_the_wrong_type(keyword: str, value: object, message: str) -> None:
    with pytest.raises(TypeError, match=message) as caught:
        declutter.extract(_PAGE, **{keyword: value})  # type: ignore[arg-type]
    assert not isinstance(caught.value, InputTypeError)


def test_arguments_of_the_right_type_in_any_state() -> None:
    article = declutter.extract(
        _PAGE, url="\x00not a url\ud800", encoding="\ud800", reference_time=datetime(1, 1, 1),
        options=declutter.Options(time_budget=0.0),
    )  # fmt: skip
    assert "The council met" in article.body


@pytest.mark.parametrize(
    ("field", "value"),
    [("max_bytes", "big"), ("max_bytes", 1.5), ("max_nodes", None), ("max_depth", True),
     ("time_budget", "1s"), ("prune_by_class", 1), ("link_weight", "heavy")],
)  # fmt: skip
def test_options_of_the_wrong_type(field: str, value: object) -> None:
    with pytest.raises(TypeError, match=f"Options.{field} must be"):
        declutter.Options(**{field: value})


@pytest.mark.parametrize(
    "field", ["max_bytes", "max_nodes", "max_blocks", "max_depth", "time_budget"]
)
def test_negative_limits(field: str) -> None:
    with pytest.raises(ValueError, match="must not be negative"):
        declutter.Options(**{field: -1})


def test_zero_limits_are_limits() -> None:
    zero = declutter.Options(max_bytes=0, max_nodes=0, max_blocks=0, max_depth=0, time_budget=0.0)
    article = declutter.extract(_PAGE, options=zero)
    assert article.body == "" and article.truncated
