//go:build race

package pdftext

// raceEnabled: the race detector maps terabytes of shadow memory, so an
// address-space limit kills a race-built child at once; such children are
// bounded by time and the collector's soft limit only.
const raceEnabled = true
