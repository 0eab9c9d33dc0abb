// Package corpus holds the record types of referat (the schema that
// `referat extract --json` prints), the Document that ingest hands to
// extract, and the on-disk Store of raw documents and their extracted
// records. It imports no other package of this module.
package corpus
