# hr_kinerja_asn - the two commands: `make run` and `make test` (see README.md).
PYTHON ?= python3
export PYTHON

.PHONY: run test lint reset-demo bench

run:  ## install what the addon needs, start PostgreSQL, create the demo database, serve Odoo
	@tools/kinerja.sh run

test:  ## lint, then the rule tier and the Odoo tier; one summary line per tier
	@tools/kinerja.sh test

lint:  ## ruff and pylint-odoo
	@tools/kinerja.sh lint

reset-demo:  ## drop the demo database so that the next `make run` builds it again
	@tools/kinerja.sh reset-demo

bench:  ## time the batch API against a per-record loop on 25,000 employees in 800 units
	@tools/kinerja.sh bench $(BENCH_ARGS)
