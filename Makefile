# fashionjobs: `make run` serves the board, `make test` runs every test.
# Everything else (build, deps, bench, fuzz) is reachable from here too.

PORT		?= 8080
FUZZ_SECONDS	?= 60
export PORT FUZZ_SECONDS

CC		?= cc
PKGS		 = libxml-2.0 jansson libcurl pangocairo
PKG_CFLAGS	 = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS	 = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
WARN		 = -Wall -Wextra -Wno-unused-parameter -Wshadow -Wpointer-arith \
		   -Wmissing-prototypes -Wstrict-prototypes
CFLAGS		+= -O2 -g -fPIC $(WARN) -Isrc/core -Isrc/db -I/usr/include/postgresql \
		   $(PKG_CFLAGS)
KORE_FLAGS	 = $(shell cat /usr/share/kore/features 2>/dev/null)
SAN		 = -fsanitize=address,undefined -fno-omit-frame-pointer \
		   -fno-sanitize-recover=undefined

CORE_SRC	 = $(wildcard src/core/*.c)
DB_SRC		 = $(wildcard src/db/*.c)
WEB_SRC		 = $(wildcard src/web/*.c)
CLI_SRC		 = $(wildcard src/cli/*.c)
ASSETS		 = $(wildcard assets/*)
PO		 = $(wildcard po/*.po)
MO		 = $(PO:po/%.po=build/mo/%.mo)
UNIT_SRC	 = $(wildcard tests/unit/test_*.c)
FUZZ_SRC	 = $(wildcard tests/fuzz/fuzz_*.c)
HDRS		 = $(wildcard src/core/*.h src/db/*.h src/web/*.h src/cli/*.h)

CORE_OBJ	 = $(CORE_SRC:src/%.c=build/obj/%.o)
DB_OBJ		 = $(DB_SRC:src/%.c=build/obj/%.o)
WEB_OBJ		 = $(WEB_SRC:src/%.c=build/obj/%.o) build/obj/assets.o
CLI_OBJ		 = $(CLI_SRC:src/%.c=build/obj/%.o)
UNIT_BIN	 = $(UNIT_SRC:tests/unit/%.c=build/unit/%)
FUZZ_BIN	 = $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)

.PHONY: all deps build run cluster test unit fuzz bench clean check-deps

all: build

deps:
	@sh src/tools/deps.sh

build: deps
	@$(MAKE) --no-print-directory bin/fashionjobs build/fashionjobs.so

build/obj/%.o: src/%.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

build/obj/web/%.o: src/web/%.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(KORE_FLAGS) -c $< -o $@

build/embed: src/tools/embed.c
	@mkdir -p build
	$(CC) -O2 -Wall -o $@ $<

# Message catalogs: po/<lang>.po compiled (and checked) by msgfmt, then
# embedded like the templates (the workers are chrooted).
build/mo/%.mo: po/%.po
	@mkdir -p build/mo
	msgfmt --check -o $@ $<

build/assets.c: build/embed $(ASSETS) $(MO) README.md
	build/embed $(ASSETS) $(MO) README.md > $@

build/obj/assets.o: build/assets.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

build/libcore.a: $(CORE_OBJ) $(DB_OBJ)
	ar rcs $@ $^

bin/fashionjobs: $(CLI_OBJ) build/libcore.a build/obj/assets.o
	@mkdir -p bin
	$(CC) -o $@ $(CLI_OBJ) build/obj/assets.o build/libcore.a -lpq -largon2 $(PKG_LIBS) -lz -lm

build/fashionjobs.so: $(WEB_OBJ) build/libcore.a
	$(CC) -shared -o $@ $(WEB_OBJ) build/libcore.a -largon2 $(PKG_LIBS) -lz -lm

# Unit tests: each tests/unit/test_X.c with the core, under ASan and UBSan.
build/unit/%: tests/unit/%.c $(CORE_SRC) $(HDRS)
	@mkdir -p build/unit
	$(CC) -O1 -g $(SAN) $(WARN) -Wno-missing-prototypes -Isrc/core $(PKG_CFLAGS) \
	    $< $(CORE_SRC) -o $@ $(PKG_LIBS) -lm

# The helper of tests/integration/test_tsv.py and test_lexicon.py: tsv.c's
# vectors, text_key()'s keys and the C lexicon, for PostgreSQL to compare
# with its own.
build/tsvdiff: tests/tools/tsvdiff.c src/db/db.c $(CORE_SRC) $(HDRS)
	@mkdir -p build
	$(CC) -O1 -g $(SAN) $(WARN) -Isrc/core -Isrc/db -I/usr/include/postgresql \
	    $(PKG_CFLAGS) $< src/db/db.c $(CORE_SRC) -o $@ -lpq $(PKG_LIBS) -lm

unit: deps
	@$(MAKE) --no-print-directory $(UNIT_BIN)
	@for t in $(UNIT_BIN); do $$t; done

run: build
	@sh src/tools/run.sh

# A primary, a streaming standby, two Kore instances, two scrapers and
# HAProxy on $(PORT), under var/cluster (see README, Running in production).
cluster: build
	@sh src/tools/cluster.sh

test: build
	@$(MAKE) --no-print-directory $(UNIT_BIN) build/tsvdiff
	@sh src/tools/test.sh

# libFuzzer targets, one per parser of untrusted input (clang, ASan, UBSan).
build/fuzz/%: tests/fuzz/%.c $(CORE_SRC) $(HDRS)
	@mkdir -p build/fuzz
	clang -O1 -g -fsanitize=fuzzer,address,undefined -Isrc/core $(PKG_CFLAGS) \
	    $< $(CORE_SRC) -o $@ $(PKG_LIBS) -lm

fuzz: deps
	@$(MAKE) --no-print-directory $(FUZZ_BIN)
	@sh src/tools/fuzz.sh $(FUZZ_BIN)

bench: build
	@sh src/tools/bench.sh
	@sh src/tools/bench_feed.sh
	@sh src/tools/bench_alerts.sh

clean:
	rm -rf build bin
