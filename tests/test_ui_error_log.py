"""error.log rotates: a program that runs for years keeps at most a few small files."""

from __future__ import annotations

import logging

from desktop.ui import errorlog


def test_the_error_log_rotates_and_keeps_a_bounded_number_of_files(monkeypatch, tmp_path):
    monkeypatch.setenv("JIXIAO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(errorlog, "MAX_BYTES", 2000)
    log = errorlog.error_logger()
    try:
        for n in range(200):
            log.error("第 %d 个错误：%s", n, "细节" * 20)
        path = errorlog.error_log_path()
        files = sorted(p.name for p in path.parent.iterdir())
        assert files == ["error.log", "error.log.1", "error.log.2", "error.log.3"]
        for p in path.parent.iterdir():
            assert p.stat().st_size <= 2000
        assert "第 199 个错误" in path.read_text(encoding="utf-8")
    finally:
        for handler in list(log.handlers):
            if isinstance(handler, logging.Handler):
                log.removeHandler(handler)
                handler.close()
