from toolkit import resources


def test_holdout_drops_rows_and_lines_with_the_tag(tmp_path, monkeypatch):
    table = tmp_path / "t.tsv"
    table.write_text("a\tsource\nkept\twiki\ndropped\tdev:ar A_01\nother\tdev:fa\n", "utf-8")
    monkeypatch.setenv(resources.HOLDOUT_ENV, "dev:ar")
    assert [row["a"] for row in resources.iter_tsv(table)] == ["kept", "other"]
    monkeypatch.delenv(resources.HOLDOUT_ENV)
    assert len(list(resources.iter_tsv(table))) == 3


def test_read_lines_strips_provenance_comments(tmp_path, monkeypatch):
    monkeypatch.setattr(resources, "corpora_dir", lambda: tmp_path)
    (tmp_path / "l.txt").write_text("# header\nalpha\nbeta\t# dev:tr\n\ngamma\t# wiki\n", "utf-8")
    assert resources.read_lines("l.txt") == ["alpha", "beta", "gamma"]
    monkeypatch.setenv(resources.HOLDOUT_ENV, "dev:tr, dev:zh")
    assert resources.read_lines("l.txt") == ["alpha", "gamma"]
