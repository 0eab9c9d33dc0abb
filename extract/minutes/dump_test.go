package minutes

import (
	"encoding/json"
	"os"
	"testing"
)

// TestDump prints the parse of $MINUTES_DUMP as JSON (a development aid).
func TestDump(t *testing.T) {
	p := os.Getenv("MINUTES_DUMP")
	if p == "" {
		t.Skip("MINUTES_DUMP not set")
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := json.MarshalIndent(Parse(string(b)), "", " ")
	os.Stdout.Write(out)
}
