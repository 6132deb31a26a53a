"""Yearly plans and reports of a partnership, agreed by both sides (partnerships.agreement)."""
