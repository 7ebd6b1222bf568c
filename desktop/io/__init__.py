"""Import and export formats (published text, JSON). Uses domain and store; no Qt."""
