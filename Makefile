# Closeloop: `make run` starts it with zero configuration; `make test` runs every test.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
GO ?= go
BIN := bin/closeloop
FUZZTIME ?= 10s

.PHONY: mail-check run build ui binary test test-go test-fuzz test-ui test-e2e deps lint golangci-lint bench bench-ui lighthouse faults faults-short seed postgres clean

run: build ## build everything, then serve on 127.0.0.1:8080 with local PostgreSQL and .eml mail
	./$(BIN) serve

build: ui binary

binary:
	$(GO) build -o $(BIN) ./cmd/closeloop

ui: frontend/node_modules
	cd frontend && npm run build

frontend/node_modules: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch frontend/node_modules

# deps installs what the tests need on a fresh Debian machine: Chromium for the e2e test,
# the UI's npm packages, and a running PostgreSQL.
deps: frontend/node_modules
	@missing=""; for p in chromium jq curl; do command -v $$p >/dev/null || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then echo "installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi
	@pg_isready -q -h 127.0.0.1 -p 5432 || { echo "starting PostgreSQL"; \
	  pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start; }

test: deps lint test-go test-fuzz test-ui test-e2e faults-short
	@echo "all tests passed"

# lint: gofmt, go vet, then golangci-lint with .golangci.yml. The linter is installed
# into GOPATH/bin (kept between runs, so CI builds it once per machine) when it is
# missing or not GOLANGCI_VERSION.
GOLANGCI_VERSION := 2.15.0
GOLANGCI := $(shell $(GO) env GOPATH)/bin/golangci-lint

lint: golangci-lint
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GOLANGCI) run ./...

golangci-lint:
	@if [ "$$($(GOLANGCI) version --short 2>/dev/null)" != "$(GOLANGCI_VERSION)" ]; then \
	  echo "installing golangci-lint v$(GOLANGCI_VERSION) (a few minutes, once per machine)"; \
	  GOBIN=$(dir $(GOLANGCI)) $(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@v$(GOLANGCI_VERSION); fi

# The web app's lint: ESLint (frontend/eslint.config.js), and the API types generated from
# api/openapi.json (frontend/src/api/schema.gen.ts) must match the document.
.PHONY: lint-ui
lint: lint-ui
lint-ui: frontend/node_modules
	cd frontend && npm run lint

test-go:
	$(GO) test -race -count=1 -timeout 20m ./...

# Each fuzz target runs briefly (FUZZTIME) on top of its seed corpus.
test-fuzz:
	@$(GO) list -f '{{.ImportPath}} {{.Dir}}' ./... | while read -r pkg dir; do \
	  for f in $$(grep -ho '^func Fuzz[A-Za-z0-9_]*' $$dir/*_test.go 2>/dev/null | sed 's/func //'); do \
	    echo "fuzz $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg; \
	  done; done

test-ui: frontend/node_modules
	cd frontend && npm run typecheck && npm test && npm run build

# The browser test (Playwright Test, frontend/playwright.config.ts) on the binary just built.
test-e2e: deps ui binary
	cd frontend && CLOSELOOP_BIN=$(CURDIR)/$(BIN) npm run e2e

# Benchmarks and the fault suite (docs/benchmarks.md): each builds and runs a real
# `closeloop serve` on fresh databases of the local PostgreSQL and an in-process SMTP sink.
# BENCH_FLAGS passes flags, e.g. BENCH_FLAGS='-only board,scale -pprof bin/prof'.
BENCH_FLAGS ?=
postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start

bench: postgres ui lighthouse
	$(GO) run ./cmd/closeloop-bench bench $(BENCH_FLAGS)

# bench-ui is only the UI section (frontend/bench/ui-bench.mjs: Playwright driving Debian's
# Chromium on boards of 1,000 and 5,000 cards; UI_BENCH_FLAGS e.g. '--sizes 5000 --runs 1').
UI_BENCH_FLAGS ?=
bench-ui: deps ui binary lighthouse
	cd frontend && CLOSELOOP_BIN=$(CURDIR)/$(BIN) LIGHTHOUSE_DIR=$(CURDIR)/.bench/lighthouse node bench/ui-bench.mjs $(UI_BENCH_FLAGS)

# Lighthouse for the UI bench, outside the app's packages (Node 20: 12.2.3 is the last that runs).
lighthouse: .bench/lighthouse/node_modules/lighthouse
.bench/lighthouse/node_modules/lighthouse:
	mkdir -p .bench/lighthouse && cd .bench/lighthouse && { [ -f package.json ] || echo '{"private":true}' > package.json; } && \
	  npm i -E --no-audit --no-fund lighthouse@12.2.3 || echo "lighthouse could not be installed: the UI bench skips it"

# seed loads the scale database (1M requesters, 100k cards) that `make bench` reuses.
seed: postgres
	$(GO) run ./cmd/closeloop-bench seed $(BENCH_FLAGS)

faults: postgres
	$(GO) run ./cmd/closeloop-bench faults $(BENCH_FLAGS)

# faults-short is the CI version: fewer requesters, one kill, a few minutes.
faults-short: postgres
	$(GO) run ./cmd/closeloop-bench faults -short $(BENCH_FLAGS)

# mail-check sends every end-user email (shipped, planned, in progress, declined, the roadmap
# confirmation) from a real closeloop serve to a real Mailpit and reads its HTML check (>= 90 %
# supported) and link check (0 errors); docs/email-quality.md. Not part of `make test`: Mailpit
# is installed here on first use (go install, ~3 min), which CI may not allow.
MAILPIT_VERSION := v1.27.11
MAILPIT := $(shell $(GO) env GOPATH)/bin/mailpit
mail-check: postgres
	@[ -x $(MAILPIT) ] || { echo "installing mailpit $(MAILPIT_VERSION) (a few minutes, once per machine)"; \
	  $(GO) install github.com/axllent/mailpit@$(MAILPIT_VERSION); }
	$(GO) run ./cmd/closeloop-bench mailcheck -mailpit $(MAILPIT) $(BENCH_FLAGS)

clean:
	rm -rf bin frontend/dist/assets frontend/dist/index.html
