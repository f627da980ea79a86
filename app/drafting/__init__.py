"""Drafting proposals: sandboxed rendering of saved replies, context, checks."""
