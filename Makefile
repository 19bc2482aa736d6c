# lianfang — the two commands: `make demo` and `make test`.
GO       ?= go
BIN      := bin/lianfang
DEMO     ?= demo
FUZZTIME ?= 1m
CYCLE    ?= 2026-W48

.PHONY: all build test vet demo fuzz bench fixtures clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/lianfang

# Every test; what CI runs.
test:
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 15m ./...

# The main job on the bundled sample county: the blank template, the sample
# roster and inbox, then the weekly consolidation with every report, the
# status table and the ledger export. Safe to run again.
demo: build
	rm -rf $(DEMO)
	mkdir -p $(DEMO)
	$(BIN) template -o $(DEMO)/附件1_职权目录表.xlsx
	$(GO) run ./samples/gen -o $(DEMO)/样例县
	cd $(DEMO) && $(CURDIR)/$(BIN) roster import 样例县/roster.csv
	cd $(DEMO) && $(CURDIR)/$(BIN) run 样例县/inbox --cycle $(CYCLE)
	cd $(DEMO) && $(CURDIR)/$(BIN) status --cycle $(CYCLE)
	cd $(DEMO) && $(CURDIR)/$(BIN) export -o 职权台账.xlsx
	@echo
	@echo "空白模板:   $(DEMO)/附件1_职权目录表.xlsx"
	@echo "全县汇总:   $(DEMO)/out/$(CYCLE)/全县汇总_$(CYCLE).xlsx"
	@echo "各单位退回: $(DEMO)/out/$(CYCLE)/退回/"
	@echo "职权台账:   $(DEMO)/职权台账.xlsx"

# Every fuzz target for FUZZTIME each (make fuzz FUZZTIME=10m), package by
# package, so targets of the same name in two packages both run. FUZZFLAGS
# passes more flags (FUZZFLAGS=-parallel=1 on a small machine), FUZZ keeps
# only the targets matching an extended regexp (FUZZ='Parse|Read'). A target
# that fails does not stop the others; the target's crasher is written to
# <package>/testdata/fuzz/<target>/ and make fails at the end. New inputs are
# minimized for FUZZMINIMIZE (Go's default, 60s, leaves FuzzParse and FuzzRead
# minimizing most of the time).
FUZZFLAGS    ?=
FUZZ         ?= .
FUZZMINIMIZE ?= 5s
fuzz:
	@failed=""; \
	for pkg in $$(grep -rlE '^func Fuzz[A-Za-z0-9]+\(' --include='*_test.go' . | xargs -n1 dirname | sort -u); do \
	  for t in $$(grep -hoE '^func Fuzz[A-Za-z0-9]+' $$pkg/*_test.go | awk '{print $$2}' | sort -u | grep -E "$(FUZZ)"); do \
	    echo "== $$t in $$pkg"; \
	    $(GO) test -run='^$$' -fuzz="^$$t$$" -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) $(FUZZFLAGS) $$pkg || failed="$$failed $$pkg:$$t"; \
	  done; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz failures:$$failed"; exit 1; fi

# Go benchmarks of every stage, then the whole weekly run on a county and a
# province corpus beside a bare excelize read and an openpyxl read
# (docs/PERFORMANCE.md). BENCHFLAGS="-province 0" skips the province.
BENCHFLAGS ?=
bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./...
	$(GO) run ./bench $(BENCHFLAGS)

# Regenerates the real-producer fixtures (needs libreoffice-calc, gnumeric
# and python3-openpyxl; tests do not).
fixtures:
	bash testdata/producers/make.sh

clean:
	rm -rf bin $(DEMO)
