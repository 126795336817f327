"""Dates between Qt's date pickers and Python: one conversion each way; report periods named in
the UI's language."""

from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale

from app.reports.period import Period, PeriodKind


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def period_label(period: Period) -> str:
    """A report period as the UI's language names it: Chinese as the brief does (11月23日至29日),
    English as "Nov 23 – 29"."""
    if QLocale().language() == QLocale.Language.Chinese:
        return period.label()
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    s, e = period.start, period.end

    def say(day: date, form: str) -> str:
        return english.toString(qdate(day), form)

    if period.kind is PeriodKind.MONTHLY and s.day == 1 and (e + timedelta(days=1)).day == 1:
        return say(s, "MMMM yyyy")
    if s == e:
        return say(s, "MMM d, yyyy")
    if s.year != e.year:
        return f"{say(s, 'MMM d, yyyy')} – {say(e, 'MMM d, yyyy')}"
    if s.month != e.month:
        return f"{say(s, 'MMM d')} – {say(e, 'MMM d, yyyy')}"
    return f"{say(s, 'MMM d')} – {say(e, 'd, yyyy')}"
