// WASI test program (Go, GOOS=wasip1 GOARCH=wasm): args, env, stdout/stderr, files in the
// preopened directory /sandbox, clocks, random and the exit code. Prints only deterministic checks.
package main

import (
	"crypto/rand"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

func check(what string, err error) {
	if err != nil {
		fmt.Fprintf(os.Stderr, "FAILED: %s: %v\n", what, err)
		os.Exit(1)
	}
}

func firstLine(path string) string {
	data, err := os.ReadFile(path)
	check(path, err)
	return strings.SplitN(string(data), "\n", 2)[0]
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

var sink uint64

func main() {
	fmt.Println("hello from go")
	fmt.Printf("argc=%d\n", len(os.Args))
	for i, arg := range os.Args {
		fmt.Printf("argv[%d]=%s\n", i, arg)
	}
	greeting, ok := os.LookupEnv("GREETING")
	if !ok {
		greeting = "(unset)"
	}
	fmt.Printf("env GREETING=%s\n", greeting)
	if _, set := os.LookupEnv("MISSING"); set {
		fmt.Println("env MISSING set")
	} else {
		fmt.Println("env MISSING unset")
	}
	fmt.Fprintln(os.Stderr, "note: this line goes to stderr")

	fmt.Printf("input: %s\n", firstLine("/sandbox/input.txt"))
	check("write notes", os.WriteFile("/sandbox/notes.txt", []byte("written by go\n"), 0o644))
	fmt.Printf("read back: %s\n", firstLine("/sandbox/notes.txt"))

	check("mkdir", os.Mkdir("/sandbox/sub", 0o755))
	check("write b", os.WriteFile("/sandbox/sub/b.txt", []byte("b\n"), 0o644))
	check("write a", os.WriteFile("/sandbox/sub/a.txt", []byte("a\n"), 0o644))
	entries, err := os.ReadDir("/sandbox/sub")
	check("readdir", err)
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	fmt.Printf("list sub: %s\n", strings.Join(names, " "))

	check("rename", os.Rename("/sandbox/notes.txt", "/sandbox/renamed.txt"))
	fmt.Printf("renamed: %s\n", yesNo(exists("/sandbox/renamed.txt") && !exists("/sandbox/notes.txt")))
	check("remove", os.Remove("/sandbox/sub/b.txt"))
	fmt.Printf("deleted: %s\n", yesNo(!exists("/sandbox/sub/b.txt")))

	t1 := time.Now()
	for i := uint64(0); i < 10000; i++ {
		sink += i
	}
	t2 := time.Now()
	now := time.Now().Unix()
	// time.Time.Sub uses the monotonic reading; 2020-01-01 .. 2100-01-01 for the wall clock
	clockOK := t2.Sub(t1) > 0 && now > 1577836800 && now < 4102444800
	if clockOK {
		fmt.Println("clock ok")
	} else {
		fmt.Println("clock BAD")
	}

	bytes := make([]byte, 32)
	_, err = rand.Read(bytes)
	nonzero := false
	for _, b := range bytes {
		nonzero = nonzero || b != 0
	}
	if err == nil && nonzero {
		fmt.Println("random ok")
	} else {
		fmt.Println("random BAD")
	}

	status := 0
	if code, set := os.LookupEnv("EXIT_CODE"); set {
		status, _ = strconv.Atoi(code)
	}
	fmt.Printf("exit %d\n", status)
	os.Exit(status)
}
