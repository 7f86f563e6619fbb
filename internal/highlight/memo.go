package highlight

import (
	"container/list"
	"sync"
)

// entryOverhead approximates what an entry costs beyond its two strings:
// the list element, the map slot and the key's string headers.
const entryOverhead = 128

// key identifies a snippet: the lexer's name (so aliases share entries)
// and the code.
type key struct {
	lexer, code string
}

// entry is a snippet and its markup.
type entry struct {
	key key
	out string
}

// memo keeps the markup of recently highlighted snippets, least recently
// used first out, within a bound on the bytes of code and markup it holds.
// It is safe for concurrent use.
type memo struct {
	mu    sync.Mutex
	limit int                   // bytes
	size  int                   // bytes held
	order *list.List            // of *entry, most recently used at the front
	items map[key]*list.Element // key → its element in order
}

// newMemo returns a memo that holds up to limit bytes; a limit of 0 or
// less holds nothing.
func newMemo(limit int) *memo {
	return &memo{limit: limit, order: list.New(), items: make(map[key]*list.Element)}
}

// cost is what an entry for k and out counts against the limit.
func cost(k key, out string) int {
	return len(k.lexer) + len(k.code) + len(out) + entryOverhead
}

// get returns the markup kept for k.
func (m *memo) get(k key) (string, bool) {
	if m.limit <= 0 {
		return "", false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	el, ok := m.items[k]
	if !ok {
		return "", false
	}
	m.order.MoveToFront(el)
	return el.Value.(*entry).out, true
}

// put keeps out as the markup for k, dropping the least recently used
// entries to stay within the limit. A snippet that would take more than
// an eighth of the limit is not kept, so one huge block cannot empty the
// memo.
func (m *memo) put(k key, out string) {
	c := cost(k, out)
	if m.limit <= 0 || c > m.limit/8 {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if el, ok := m.items[k]; ok {
		m.order.MoveToFront(el)
		return
	}
	m.items[k] = m.order.PushFront(&entry{key: k, out: out})
	m.size += c
	for m.size > m.limit {
		last := m.order.Back()
		e := m.order.Remove(last).(*entry)
		delete(m.items, e.key)
		m.size -= cost(e.key, e.out)
	}
}
