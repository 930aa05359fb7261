"""My week: a worker's start page over all their cases, in a fixed number of queries."""
