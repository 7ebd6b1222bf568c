"""Qt user interface. Talks to the Repository and the domain; never writes SQL."""
