// Package pipeline (internal/pipeline in DESIGN.md's layout) wires the
// stages of referat together: files (IngestPaths) and crawled documents
// (CrawlSink, the sink of ingest/crawl) go through ingest and extract into
// the corpus store, and records go from the store into the index
// (Reindex replays the store). It owns the rules that make a batch
// incremental (unchanged bytes are skipped unparsed), parallel (a bounded
// pool of readers, one index writer) and safe to kill at any moment (bytes,
// then record, then index; a rerun finishes what a killed run left).
package pipeline
