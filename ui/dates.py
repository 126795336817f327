"""Dates between Qt's date pickers and Python: one conversion each way."""

from datetime import date

from PySide6.QtCore import QDate


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())
