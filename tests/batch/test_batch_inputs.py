"""Batch inputs: files, directories, stdin, JSON Lines, Parquet, one document per line."""

import json

import pytest

from toolkit.batch.inputs import InputSpec, Item, batched
from toolkit.batch.tasks import item_text
from toolkit.errors import InputError, UsageError


def ids(spec: InputSpec) -> list[str]:
    return [item.id for item in spec.items()]


def test_directory_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Two.")
    (tmp_path / "one.txt").write_text("One.")
    (tmp_path / "notes.md").write_text("Notes.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden")
    found = ids(InputSpec((str(tmp_path),), glob="*.txt"))
    assert found == [str(tmp_path / "b" / "two.txt"), str(tmp_path / "one.txt")]
    assert len(ids(InputSpec((str(tmp_path),)))) == 3


def test_file_items_carry_the_path_not_the_text(tmp_path):
    file = tmp_path / "a.txt"
    file.write_text("Some text.")
    (item,) = InputSpec((str(file),), encoding="latin-1").items()
    assert item.text is None and item.path == str(file) and item.encoding == "latin-1"
    assert item.size == len("Some text.")
    assert item.origin() == {"id": str(file), "path": str(file)}


def test_jsonl_fields_row_numbers_and_bad_rows(tmp_path):
    file = tmp_path / "feed.jsonl"
    rows = [
        json.dumps({"doc": "a1", "body": "First."}),
        "",
        "{broken",
        json.dumps({"doc": "a3", "body": None}),
        json.dumps({"body": "No id."}),
        json.dumps(["not", "an", "object"]),
    ]
    file.write_text("\n".join(rows) + "\n")
    items = list(InputSpec((str(file),), text_field="body", id_field="doc").items())
    assert [(i.id, i.row, i.text) for i in items[:1]] == [("a1", 1, "First.")]
    assert items[1].id == f"{file}:3" and items[1].error.startswith("invalid JSON")
    assert items[2].id == "a3" and "'body' is missing" in items[2].error
    assert items[3].id == f"{file}:5" and items[3].text == "No id."
    assert items[4].error == "row is not a JSON object"


def test_parquet_rows_stream_with_fields(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    file = tmp_path / "set.parquet"
    table = pa.table({"key": [f"k{i}" for i in range(2500)], "text": ["A sentence."] * 2500})
    pq.write_table(table, file, row_group_size=1000)
    items = list(InputSpec((str(file),), id_field="key").items())
    assert len(items) == 2500 and items[-1].id == "k2499" and items[-1].row == 2500
    assert items[0].text == "A sentence." and items[0].source is None
    (first, *_) = InputSpec((str(file),), id_field="key", source_field="key").items()
    assert first.source == "k0"
    with pytest.raises(InputError, match="no column 'body'"):
        list(InputSpec((str(file),), text_field="body").items())


def test_lines_format_gives_one_document_per_line(tmp_path):
    file = tmp_path / "test.en"
    file.write_bytes(b"One.\r\n\nTwo \xff.\nThree.\n")
    items = list(InputSpec((str(file),), format="lines").items())
    assert [(i.id, i.text) for i in items] == [
        (f"{file}:1", "One."),
        (f"{file}:3", None),
        (f"{file}:4", "Three."),
    ]
    assert "cannot decode" in items[1].error


def test_stdin_is_one_document(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"From stdin.\n")))
    (item,) = InputSpec(("-",)).items()
    assert item.id == "-" and item.streams_stdin  # read by the process that runs it
    assert item_text(item) == "From stdin.\n"


def test_missing_input_and_unknown_format_are_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(InputSpec((str(tmp_path / "nope"),)).items())
    with pytest.raises(InputError, match="no file matches"):
        list(InputSpec((str(tmp_path),), glob="*.txt").items())
    with pytest.raises(UsageError):
        InputSpec(("x",), format="csv")


def test_batched_bounds_items_and_characters():
    items = [Item(str(i), "p", text="x" * 10) for i in range(7)]
    assert [len(b) for b in batched(items, 3)] == [3, 3, 1]
    assert [len(b) for b in batched(items, 100, max_chars=25)] == [3, 3, 1]


def test_chunks_of_a_file_without_blank_lines_end_at_line_breaks(tmp_path):
    from toolkit.textio import iter_chunks

    file = tmp_path / "lines.txt"
    text = "".join(f"Sentence number {i} is here.\n" for i in range(500))
    file.write_text(text)
    chunks = list(iter_chunks(str(file), size=1000))
    assert len(chunks) > 10 and "".join(c.text for c in chunks) == text
    assert all(c.text.endswith("\n") for c in chunks)
    assert chunks[3].lines_before == sum(c.text.count("\n") for c in chunks[:3])
