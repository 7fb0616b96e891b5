"""kb: turn a folder of news articles into a queryable knowledge base."""

__version__ = "0.1.0"
