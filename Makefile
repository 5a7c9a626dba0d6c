# Thin wrappers: everything real is in CMake, ctest and scripts/.
BUILD ?= build
JOBS ?= 2
DB ?= sqlite:var/stemnet.db
PORT ?= 8080
STEMNET = $(BUILD)/src/stemnet
# Every recipe that runs node or npm starts with this: the machine's Node.js when it is new
# enough for the front-end, else the project's own that scripts/bootstrap put in .tools/node.
WITH_NODE = export PATH="$$($(CURDIR)/scripts/node-env)" &&

.PHONY: run test build bootstrap bench fuzz fmt clean ui ui-test e2e

bootstrap:
	@scripts/bootstrap

build: bootstrap
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

run: build ui
	$(STEMNET) import reference data/reference --db $(DB)
	$(STEMNET) monitor catalogue data/indicators/catalogue.json --db $(DB)
	$(STEMNET) import udir data/reference/schools/*.tsv --db $(DB)
	$(STEMNET) import figures data/reference --db $(DB)
	@if [ "$(DEMO)" = "1" ]; then $(STEMNET) demo seed --db $(DB) || true; \
	elif case "$(DB)" in sqlite:*) [ "$$(sqlite3 $(subst sqlite:,,$(DB)) 'SELECT COUNT(*) FROM organisation')" = "0" ];; *) false;; esac; then \
	  echo "No providers yet: 'make run DEMO=1' adds fictitious demo providers, offers and bookings."; fi
	exec $(STEMNET) serve --db $(DB) --port $(PORT) --ui ui/dist

# The C++ tests twice: on SQLite, then on a throwaway PostgreSQL (scripts/test-postgres).
test: build ui
	cd $(BUILD) && ctest --output-on-failure --timeout 300 -j $(JOBS)
	scripts/test-postgres sh -c 'cd $(BUILD) && ctest --output-on-failure --timeout 300 -j $(JOBS)'
	$(WITH_NODE) cd ui && npm test
	$(WITH_NODE) tests/e2e/run.sh $(STEMNET)

# The web front-end (ui/): npm ci from the committed lock file when it changes, then tsc + vite
# build into ui/dist, which `stemnet serve --ui ui/dist` serves.
ui/node_modules/.installed: ui/package-lock.json | bootstrap
	$(WITH_NODE) cd ui && npm ci --no-audit --no-fund
	@touch $@

ui: ui/node_modules/.installed
	$(WITH_NODE) cd ui && npm run build

# Vitest component tests of the front-end.
ui-test: ui/node_modules/.installed
	$(WITH_NODE) cd ui && npm test

# Browser tests (playwright-core + Debian's chromium) against a seeded `stemnet serve`;
# screenshots land in docs/screenshots/.
e2e: build ui
	$(WITH_NODE) tests/e2e/run.sh $(STEMNET)

bench: build
	bench/http.sh
	bench/jsonstat.sh
	bench/matching.sh
	bench/signup_burst.sh

# libFuzzer targets (clang, ASan+UBSan) in build-fuzz/, FUZZ_SECONDS (60) each: docs/fuzzing.md.
fuzz: bootstrap
	@FUZZ_JOBS=$(JOBS) fuzz/run.sh

fmt:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD)
