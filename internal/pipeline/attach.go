package pipeline

import (
	"context"
	"fmt"

	"referat/corpus"
)

// Attach joins documents to the document they are published with (the
// newest version of parentSource, a path or URL), as a crawl hands on an
// eDoc meeting's XML before the PDFs it names, keyed by how the parent
// names them. The parts' bytes are stored, and the parent is extracted
// again with all its parts and re-indexed. When the parent is not stored,
// each part is ingested on its own.
func (p *Pipeline) Attach(ctx context.Context, parentSource string, docs map[string]corpus.Document) (Event, error) {
	ev := Event{Path: parentSource}
	vs, err := p.Store.Versions(parentSource)
	var parent *corpus.Record
	if err == nil && len(vs) > 0 {
		parent, err = p.Store.Record(vs[len(vs)-1].ID)
	}
	if parent == nil || err != nil {
		for _, doc := range docs {
			if ev, err := p.Document(ctx, doc); err != nil {
				return ev, err
			}
		}
		ev.Status = StatusIngested
		return ev, nil
	}
	ev.ID = parent.ID
	known := map[string]string{}
	for _, part := range parent.Parts {
		known[part.Name] = part.ID
	}
	changed := false
	for ref, doc := range docs {
		ref = partName(ref)
		if known[ref] == doc.ID {
			continue
		}
		if _, err := p.Store.PutRaw(doc.Raw); err != nil {
			ev.Status, ev.Err = StatusFailed, err
			return ev, err
		}
		if err := p.addVersion(doc); err != nil {
			ev.Status, ev.Err = StatusFailed, err
			return ev, err
		}
		known[ref] = doc.ID
		changed = true
	}
	if !changed {
		ev.Status = StatusSkipped
		return ev, nil
	}
	parent.Parts = parent.Parts[:0]
	for name, id := range known {
		parent.Parts = append(parent.Parts, corpus.Part{Name: name, ID: id})
	}
	sortParts(parent.Parts)
	rec, err := p.extractAgain(ctx, parent, Options{})
	if err != nil {
		ev.Status, ev.Err = StatusFailed, err
		return ev, err
	}
	if err := p.Index.Index(ctx, []*corpus.Record{rec}); err != nil {
		ev.Status, ev.Err = StatusFailed, err
		return ev, fmt.Errorf("index %s: %w", parentSource, err)
	}
	ev.Status, ev.Items = StatusIngested, len(rec.Items)
	return ev, nil
}
