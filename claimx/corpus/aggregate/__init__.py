"""Corpus aggregation: who speaks across an archive (``claimx speakers``), one claim carried by
many documents (``claimx claims``), and parties that contradict each other (disputes).

Workers turn each document into :class:`~claimx.corpus.aggregate.mentions.Mention` records;
the parent folds them, in input order, into aggregates whose size is that of the answer (one
row per speaker, one group per claim with its mentions), never the corpus's.
"""
