"""The lesson panel: what the open example shows and what to try, in the interface's language."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from gui import i18n
from gui.session import Session


def localized_title(title: str) -> str:
    """A bilingual preset title is written "English · 한국어": pick the interface language's half."""
    parts = [p.strip() for p in title.split(" · ")]
    if len(parts) == 2:
        return parts[1] if i18n.current_language() == "ko" else parts[0]
    return title


class LessonPanel(QWidget):
    """Shows the document's title and its description in the current language (English as fallback)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.browser = QTextBrowser()
        self.browser.setObjectName("lesson_text")
        self.browser.setOpenExternalLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.browser)
        session.document_replaced.connect(self.refresh)
        self.refresh()

    def text(self) -> str:
        doc = self.session.document
        lang = i18n.current_language()
        body = (
            doc.description.get(lang)
            or doc.description.get("en")
            or self.tr("No lesson text: build a network and experiment.")
        )
        return body

    def refresh(self) -> None:
        doc = self.session.document
        title = localized_title(doc.title) if doc.title else self.tr("Untitled")
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in self.text().split("\n") if p.strip())
        self.browser.setHtml(f"<h3>{html.escape(title)}</h3>{paragraphs}")

    def retranslate(self) -> None:
        self.refresh()
