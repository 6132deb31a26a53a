"""Memoranda on Twinning: everything about them lives in this package.

models (Memorandum, MemorandumAgreement), text (the clauses and their numbering),
services (open, save a section, agree, sign, publish), permissions (who may do
what), forms, views and urls, diff (comparing versions), pdf, admin.
"""
