"""Explain what the store holds: the actor network and briefs (grounded in stored articles)."""
