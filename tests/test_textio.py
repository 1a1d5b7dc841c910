from toolkit.outputs import write_file
from toolkit.textio import iter_chunks, read_text


def test_chunks_cover_text_and_end_at_paragraphs(tmp_path):
    text = "".join(f"Paragraph {i} has some words.\n\n" for i in range(2000))
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    chunks = list(iter_chunks(str(path), size=4096))
    assert len(chunks) > 5
    assert "".join(c.text for c in chunks) == text
    for chunk in chunks:
        assert text[chunk.offset : chunk.offset + len(chunk.text)] == chunk.text
        assert chunk.lines_before == text.count("\n", 0, chunk.offset)
        assert chunk.offset == 0 or text[chunk.offset - 2 : chunk.offset] == "\n\n"


def test_utf8_bom_and_utf16_are_decoded(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffSalam".encode("utf-8"))
    assert read_text(str(path)) == "Salam"
    path.write_bytes("سلام".encode("utf-16"))
    assert read_text(str(path)) == "سلام"


def test_write_file_replaces_and_keeps_mode(tmp_path):
    path = tmp_path / "out.txt"
    path.write_text("old")
    path.chmod(0o640)
    write_file(path, "new\r\n")
    assert path.read_bytes() == b"new\r\n"
    assert path.stat().st_mode & 0o777 == 0o640
    assert list(tmp_path.iterdir()) == [path]


def test_check_file_streams_chunks_with_whole_text_offsets_or_reads_whole_with_a_source(
    tmp_path, monkeypatch
):
    import functools

    from toolkit import pipeline
    from toolkit.pipeline import Selection, check_file
    from toolkit.settings import Settings

    monkeypatch.setattr(pipeline, "iter_chunks", functools.partial(iter_chunks, size=4096))
    path = tmp_path / "big.txt"
    paragraph = "The army said ,it moved north .\n\n"
    path.write_text(paragraph * 2_000, encoding="utf-8")
    selection = Selection(("PU",))
    streamed = list(check_file(str(path), Settings(), selection))
    assert len(streamed) > 1
    text = path.read_text(encoding="utf-8")
    findings = [f for _, found in streamed for f in found]
    assert len(findings) == 4_000
    assert all(text[f.start : f.end] == f.text for f in findings)
    assert findings[-1].line == 4_000 - 1
    whole = list(check_file(str(path), Settings(), selection, source="source text"))
    assert len(whole) == 1 and whole[0][0].offset == 0
