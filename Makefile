# Thin wrappers: everything real is in CMake, ctest and scripts/.
BUILD ?= build
JOBS ?= 2
DB ?= sqlite:var/stemnet.db
PORT ?= 8080
STEMNET = $(BUILD)/src/stemnet

.PHONY: run test build bootstrap bench fuzz fmt clean

bootstrap:
	@scripts/bootstrap

build: bootstrap
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	$(STEMNET) import reference data/reference --db $(DB)
	$(STEMNET) monitor catalogue data/indicators/catalogue.json --db $(DB)
	$(STEMNET) import udir data/reference/schools/*.tsv --db $(DB)
	@if [ "$(DEMO)" = "1" ]; then $(STEMNET) demo seed --db $(DB) || true; \
	elif [ "$$(sqlite3 $(subst sqlite:,,$(DB)) 'SELECT COUNT(*) FROM organisation')" = "0" ]; then \
	  echo "No providers yet: 'make run DEMO=1' adds fictitious demo providers, offers and bookings."; fi
	exec $(STEMNET) serve --db $(DB) --port $(PORT)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	bench/http.sh
	bench/jsonstat.sh

# libFuzzer targets (clang, ASan+UBSan) in build-fuzz/, FUZZ_SECONDS (60) each: docs/fuzzing.md.
fuzz: bootstrap
	@FUZZ_JOBS=$(JOBS) fuzz/run.sh

fmt:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD)
