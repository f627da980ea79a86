"""Scoring a posting against a profile: skills, budget, client, competition, red flags."""
