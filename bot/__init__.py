"""Q&A bot about two articles on Party-secretary trainings."""

__version__ = "0.1.0"
