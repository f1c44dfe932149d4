"""Arabic temporal expressions resolved to TIMEX3 values (the ``times`` stage).

``TimeTagger().tag(doc)`` returns :class:`marsad.doc.TimeExpression` objects with original
offsets; :mod:`.stage` registers it in the pipeline. See :mod:`.tagger` for how values are
resolved, :mod:`.grammar` for the patterns and ``marsad/lang/ar/{months,weekdays,numbers,
time_words,time_context}.yaml`` for the words.
"""

from marsad.extract.time.tagger import TimeTagger

__all__ = ["TimeTagger"]
