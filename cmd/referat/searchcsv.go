package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"

	"referat/corpus"
	"referat/index"
	"referat/internal/export"
	"referat/internal/pipeline"
)

// writeSearchCSV writes every hit of req (up to export.MaxRows) as the
// CSV of internal/export, links made absolute with site.
func writeSearchCSV(ctx context.Context, ix *index.Index, dataDir, site string, req index.Request, stdout, stderr io.Writer) error {
	st, err := corpus.OpenStore(pipeline.StoreDir(dataDir))
	if err != nil {
		return fmt.Errorf("open store in %s: %w", dataDir, err)
	}
	bw := bufio.NewWriter(stdout)
	cw, err := export.NewWriter(bw, site)
	if err != nil {
		return err
	}
	total, err := export.Each(ctx, ix, req, export.MaxRows, func(h index.Hit) error {
		rec, err := st.Record(h.RecordID)
		if errors.Is(err, corpus.ErrNotFound) {
			rec = nil // indexed but gone from the store: the index's fields still tell
		} else if err != nil {
			return fmt.Errorf("record %s: %w", h.RecordID, err)
		}
		return cw.Hit(h, rec)
	})
	if err != nil {
		return err
	}
	if uint64(cw.Rows()) < total {
		if err := cw.Bounded(total); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "referat: wrote the first %d of %d hits; the file says so\n", cw.Rows(), total)
	}
	if err := cw.Flush(); err != nil {
		return err
	}
	return bw.Flush()
}
