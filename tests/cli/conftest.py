"""Tests of the ``claimx`` command line."""
