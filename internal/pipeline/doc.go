// Package pipeline wires the stages of referat together: files and fetched
// bytes go through ingest and extract into the corpus store, and records go
// from the store into the index. It owns the rules that make a batch
// incremental (unchanged bytes are skipped unparsed), parallel (a bounded
// pool of readers, one index writer) and safe to kill at any moment (bytes,
// then record, then index; a rerun finishes what a killed run left).
package pipeline
