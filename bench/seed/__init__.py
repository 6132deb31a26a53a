"""Fill a PostgreSQL database with the portal at real volume, for the benchmark.

    .venv/bin/python -m bench.seed --size full --seed 1 \\
        --database-url postgres://postgres@127.0.0.1:5432/twinning_bench_full

Sizes: full is the real registry (manage.py load_registry), 100,000 published articles in
Ukrainian and English with 2-4 of ~100 topics, regions and communities over 5 years,
1,000,000 comments skewed by Zipf's law (the busiest articles have many thousands), 20,000
verified users, officials, requests, memoranda and partnerships, 3,000 activities (500 of
them of the busiest partnership) and 300 yearly plans and reports; small is 1/100 of it
over the same registry. The same --seed gives the same data.

Text columns derived from others (normalised search copies and labels) are computed with
the application's own functions (news.text.search_text, sanitise_body); the search
document is computed by the database's trigger, as for any write. Rows go in with COPY.
A database already seeded with the same size, seed and seeder version is reused
(--force seeds it again from an empty database).

By concept: ``plan`` (sizes, the words the benchmark looks for, the version), ``text``
(word lists and Zipf draws), ``database`` (COPY, sequences, the seeded marker),
``registry`` (the registry and the municipalities' profiles), ``users``, ``news``
(topics and articles), ``comments``, ``cooperation`` (officials, requests, memoranda,
partnerships), ``activities`` (activities, notes, yearly plans and reports) and ``command`` (the command line and the order of the steps).
"""

from bench.seed.plan import COMMON_EN, COMMON_UK, OFFICIAL_EMAIL, RARE_EN, RARE_UK

__all__ = ["COMMON_EN", "COMMON_UK", "OFFICIAL_EMAIL", "RARE_EN", "RARE_UK"]
