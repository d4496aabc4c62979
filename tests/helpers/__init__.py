"""Helpers the tests (and benchmarks) import: builders, servers, X displays. Never tests themselves."""
