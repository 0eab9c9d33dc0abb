package crawl

import (
	"testing"
	"time"
)

func TestRetryAfter(t *testing.T) {
	now := time.Date(2025, 10, 8, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		h    string
		want time.Duration
	}{
		{"", 0},
		{"120", 2 * time.Minute},
		{" 5 ", 5 * time.Second},
		{"Wed, 08 Oct 2025 12:00:30 GMT", 30 * time.Second},
		{"Wed, 08 Oct 2025 11:00:00 GMT", 0}, // in the past
		{"-3", 0},
		{"soon", 0},
	} {
		if got := retryAfter(tc.h, now); got != tc.want {
			t.Errorf("retryAfter(%q) = %s; want %s", tc.h, got, tc.want)
		}
	}
}

func TestBackoff(t *testing.T) {
	f := &fetcher{cfg: &Config{Backoff: time.Second, MaxBackoff: 10 * time.Second}}
	for attempt, want := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 10 * time.Second, 10 * time.Second} {
		got := f.backoff(attempt, 0)
		lo, hi := want*8/10, want*12/10
		if hi > 10*time.Second {
			hi = 10 * time.Second
		}
		if got < lo || got > hi {
			t.Errorf("backoff(%d) = %s; want %s ±20%%, at most 10s", attempt, got, want)
		}
	}
	if got := f.backoff(0, 7*time.Second); got != 7*time.Second {
		t.Errorf("backoff with Retry-After 7s = %s; want 7s", got)
	}
	if got := f.backoff(0, time.Hour); got != 10*time.Second {
		t.Errorf("backoff with Retry-After 1h = %s; want the 10s maximum", got)
	}
}

func TestAcceptedAndSniff(t *testing.T) {
	for _, tc := range []struct {
		mt     string
		accept []string
		want   bool
	}{
		{"application/pdf", []string{"application/pdf"}, true},
		{"text/html", []string{"text/*"}, true},
		{"text/html", []string{"application/pdf"}, false},
		{"anything/else", nil, true},
	} {
		if got := accepted(tc.mt, tc.accept); got != tc.want {
			t.Errorf("accepted(%q, %v) = %v; want %v", tc.mt, tc.accept, got, tc.want)
		}
	}
	for body, want := range map[string]string{
		"%PDF-1.4\n":               "application/pdf",
		"\ufeff  {\"Udvalg\": {}}": "application/json",
		"<?xml version=\"1.0\"?>":  "text/xml; charset=utf-8",
		"<html><body>":             "text/html; charset=utf-8",
	} {
		if got := sniffType([]byte(body)); got != want {
			t.Errorf("sniffType(%q) = %q; want %q", body, got, want)
		}
	}
}
