#!/bin/sh
# Rebuilds main.wasm from main.go with Go 1.23 (Debian bookworm-backports: golang-1.23-go).
# Go's wasm port emits no SIMD unless GOWASM asks for it; debug info stripped to keep it small.
set -e
cd "$(dirname "$0")"
GO=${GO:-/usr/lib/go-1.23/bin/go}
GOOS=wasip1 GOARCH=wasm GOWASM= GOFLAGS=-trimpath GO111MODULE=off "$GO" build -ldflags='-s -w' -o main.wasm main.go
