import { useMemo, useState } from 'react';
import { useAppStore } from '../../store';

/** Ctrl+F: find a service, host or plane by name, id or image, and jump to it. */
export function Search() {
  const open = useAppStore((s) => s.searchOpen);
  const close = useAppStore((s) => s.closeFind);
  const reveal = useAppStore((s) => s.revealNode);
  const nodes = useAppStore((s) => s.nodes);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (q === '') return [];
    return nodes
      .filter((n) => n.type !== 'group' || n.data.group === 'plane')
      .map((n) => {
        const label = n.type === 'service' ? n.data.name : n.type === 'host' ? n.data.name : n.data.label;
        const detail = n.type === 'service' ? (n.data.image ?? n.data.kind) : n.type === 'host' ? `host · ${n.data.flavor ?? ''}` : 'plane';
        return { id: n.id, label, detail, haystack: `${n.id} ${label} ${detail}`.toLowerCase() };
      })
      .filter((r) => r.haystack.includes(q))
      .slice(0, 12);
  }, [nodes, query]);
  if (!open) return null;
  const pick = (id: string | undefined) => {
    if (!id) return;
    reveal(id);
    setQuery('');
  };
  return (
    <div className="search" role="search" data-testid="search">
      <input
        autoFocus
        placeholder="Find a service, host or plane…"
        value={query}
        data-testid="search-input"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, results.length - 1));
          if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          if (e.key === 'Enter') pick(results[active]?.id);
        }}
      />
      {query.trim() !== '' ? (
        <ul className="search__results">
          {results.length === 0 ? <li className="search__none">Nothing matches “{query}” in this view.</li> : null}
          {results.map((r, i) => (
            <li key={r.id}>
              <button type="button" className={i === active ? 'is-active' : ''} onClick={() => pick(r.id)} data-testid={`search-result-${r.id}`}>
                <span>{r.label}</span>
                <span className="search__detail">{r.detail}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
