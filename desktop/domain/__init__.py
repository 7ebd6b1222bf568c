"""Pure domain layer: form model, taxonomy, value and money rules. No Qt, no SQL."""
