"""The parts of reportlab's QR encoder that the page footers' QR codes drive directly are
checked at import: a release that renamed one fails loudly, naming it."""

from __future__ import annotations

import pytest

from desktop.printing import qr
from desktop.printing import rl_internals as internals


def test_this_reportlab_has_what_the_qr_codes_use():
    internals.check_qr_internals(qr.qrencoder)  # also run when printing.qr is imported


@pytest.mark.parametrize(
    ("owner", "name", "named"),
    [
        ("QRRSBlock", "getRSBlocks", "qrencoder.QRRSBlock.getRSBlocks"),
        ("QRMath", "gexp", "qrencoder.QRMath.gexp"),
        ("QRCode", "dataPosIterator", "QRCode.dataPosIterator"),
        ("QRCode", "makeImpl", "QRCode.makeImpl"),
    ],
)
def test_a_qr_encoder_without_an_internal_fails_loudly(monkeypatch, owner, name, named):
    monkeypatch.delattr(getattr(qr.qrencoder, owner), name)
    with pytest.raises(internals.ReportlabChanged, match=named.replace(".", r"\.")):
        internals.check_qr_internals(qr.qrencoder)


def test_a_qr_encoder_that_no_longer_reads_its_data_cache_fails_loudly(monkeypatch):
    """Emptying ``dataCache`` on such a release would add an attribute nobody reads."""
    code = qr.qrencoder.QRCode

    def make_impl(self, *_args):  # reads another attribute
        return self.data_cache

    monkeypatch.setattr(code, "makeImpl", make_impl)
    with pytest.raises(internals.ReportlabChanged, match="makeImpl reading dataCache"):
        internals.check_qr_internals(qr.qrencoder)


def test_a_qr_code_whose_instances_lack_an_attribute_fails_loudly(monkeypatch):
    original = qr.qrencoder.QRCode.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        del self.dataCache

    monkeypatch.setattr(qr.qrencoder.QRCode, "__init__", init)
    with pytest.raises(internals.ReportlabChanged, match=r"QRCode\.dataCache"):
        internals.check_qr_internals(qr.qrencoder)
