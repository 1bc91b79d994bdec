"""The extraction stages, in pipeline order: tokenize → cues → source, speaker, content,
channel → claim assembly → labels. ``pipeline.extract_document`` runs them all."""
