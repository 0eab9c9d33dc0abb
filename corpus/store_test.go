package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func TestStoreRoundTrip(t *testing.T) {
	s, err := OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	data := []byte("Punkt 1: Godkendelse af dagsorden\n")
	id, err := s.PutRaw(data)
	if err != nil || id != Hash(data) {
		t.Fatalf("PutRaw = %s, %v", id, err)
	}
	if again, _ := s.PutRaw(data); again != id {
		t.Errorf("same bytes got id %s then %s", id, again)
	}
	if b, err := s.Raw(id); err != nil || string(b) != string(data) {
		t.Errorf("Raw = %q, %v", b, err)
	}
	rec := &Record{Schema: SchemaVersion, ID: id, Kind: KindReferat, Municipality: "Lejre Kommune",
		Items: []Item{{Number: 1, Title: "Godkendelse af dagsorden", Decisions: []Decision{{Text: "Godkendt.", Outcome: OutcomeApproved}}}}}
	if err := s.PutRecord(rec); err != nil {
		t.Fatal(err)
	}
	got, err := s.Record(id)
	if err != nil || got.Items[0].Decisions[0].Outcome != OutcomeApproved || got.Municipality != "Lejre Kommune" {
		t.Errorf("Record = %+v, %v", got, err)
	}
	ids, err := s.RecordIDs()
	if err != nil || len(ids) != 1 || ids[0] != id {
		t.Errorf("RecordIDs = %v, %v", ids, err)
	}
}

func TestStoreRejectsBadIDs(t *testing.T) {
	s, _ := OpenStore(t.TempDir())
	for _, id := range []string{"", "../../etc/passwd", "ab", "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789", Hash([]byte("x"))[:63] + "/"} {
		if _, err := s.Raw(id); !errors.Is(err, ErrNotFound) {
			t.Errorf("Raw(%q) error = %v; want ErrNotFound", id, err)
		}
		if _, err := s.Record(id); !errors.Is(err, ErrNotFound) {
			t.Errorf("Record(%q) error = %v; want ErrNotFound", id, err)
		}
	}
	if err := s.PutRecord(&Record{ID: "../x"}); err == nil {
		t.Errorf("PutRecord with a path for an id succeeded")
	}
}

func TestStoreVersions(t *testing.T) {
	s, _ := OpenStore(t.TempDir())
	const src = "https://dagsordener.greve.dk/api/agenda/dagsorden/1"
	a, b := Hash([]byte("a")), Hash([]byte("b"))
	for _, v := range []Version{{ID: a, ETag: `"1"`}, {ID: a, ETag: `"1"`}, {ID: a, ETag: `"2"`}, {ID: b}} {
		if err := s.AddVersion(src, v); err != nil {
			t.Fatal(err)
		}
	}
	vs, err := s.Versions(src)
	if err != nil || len(vs) != 2 || vs[0].ID != a || vs[0].ETag != `"2"` || vs[1].ID != b {
		t.Errorf("Versions = %+v, %v; want a (etag 2) then b", vs, err)
	}
	if vs, _ := s.Versions("never seen"); len(vs) != 0 {
		t.Errorf("Versions of an unknown source = %v", vs)
	}
}

// TestStoreLeavesNoTornFiles writes concurrently and checks that temporary
// files never remain where records live, and that leftovers of a killed
// process are swept at open.
func TestStoreLeavesNoTornFiles(t *testing.T) {
	dir := t.TempDir()
	s, _ := OpenStore(dir)
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			id, _ := s.PutRaw([]byte{byte(i)})
			s.PutRecord(&Record{ID: id})
			s.AddVersion("same source", Version{ID: id})
		}(i)
	}
	wg.Wait()
	ids, _ := s.RecordIDs()
	if len(ids) != 20 {
		t.Errorf("%d records; want 20", len(ids))
	}
	if vs, _ := s.Versions("same source"); len(vs) == 0 || len(vs) > 20 {
		t.Errorf("%d versions after 20 concurrent adds", len(vs))
	}
	// Opening a store cleans nothing (another process may be writing
	// it); RemoveTemp, called by the one writer, does.
	os.WriteFile(filepath.Join(dir, "tmp", "w-123"), []byte("half"), 0o644)
	s2, err := OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	if ents, _ := os.ReadDir(filepath.Join(dir, "tmp")); len(ents) != 1 {
		t.Errorf("OpenStore removed another writer's temporary files: %v", ents)
	}
	s2.RemoveTemp()
	if ents, _ := os.ReadDir(filepath.Join(dir, "tmp")); len(ents) != 0 {
		t.Errorf("leftover temporary files not swept: %v", ents)
	}
}
