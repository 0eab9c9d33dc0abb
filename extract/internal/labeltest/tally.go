package labeltest

import (
	"fmt"
	"testing"
)

// Tally counts the labelled facts a record got of those possible, and
// what it missed, as score.py's Tally does.
type Tally struct {
	Got, Possible int
	Misses        []string
}

// Check scores one fact: a point when ok, else a miss described by format
// and args.
func (t *Tally) Check(ok bool, format string, args ...any) {
	t.Possible++
	if ok {
		t.Got++
	} else {
		t.Misses = append(t.Misses, fmt.Sprintf(format, args...))
	}
}

// Add adds the points of u (not its misses, which Run has logged).
func (t *Tally) Add(u Tally) {
	t.Got += u.Got
	t.Possible += u.Possible
}

// Score is the points got over the points possible, 0 when none were.
func (t Tally) Score() float64 {
	if t.Possible == 0 {
		return 0
	}
	return float64(t.Got) / float64(t.Possible)
}

// Require logs score.py's final line and fails the test when no fact was
// scored or the score is below min.
func (t Tally) Require(tb testing.TB, min float64) {
	tb.Helper()
	if t.Possible == 0 {
		tb.Fatal("no labels scored")
	}
	tb.Logf("score %.3f (%d/%d)", t.Score(), t.Got, t.Possible)
	if t.Score() < min {
		tb.Errorf("label score %.3f (%d/%d) is below %.2f", t.Score(), t.Got, t.Possible, min)
	}
}

// Run scores every label under dir in name order. score builds the record
// of the named document and checks its facts into the tally it is given
// (usually with Score), or returns false to leave the document out. Run
// logs each document's points and misses as score.py --verbose prints
// them, and returns the sum.
func Run(tb testing.TB, dir string, score func(name string, lab Label, t *Tally) bool) Tally {
	tb.Helper()
	var total Tally
	for _, n := range Read(tb, dir) {
		var t Tally
		if !score(n.Name, n.Label, &t) {
			continue
		}
		tb.Logf("%s: %d/%d", n.Name, t.Got, t.Possible)
		for _, m := range t.Misses {
			tb.Logf("   - %s", m)
		}
		total.Add(t)
	}
	return total
}
