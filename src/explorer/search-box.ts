import { byId, element, highlightMatch } from './dom';
import { searchNodes, type SearchHit } from './queries';

/*
 * Search as you type, as an ARIA combobox: arrow keys move through the matches, Enter picks one,
 * Escape closes the list. Only the latest answer is shown, however the requests interleave.
 */

const DEBOUNCE_MS = 150;

export function setUpSearch(onPick: (hit: SearchHit) => void): void {
  const input = byId<HTMLInputElement>('search');
  const list = byId<HTMLUListElement>('search-results');
  const status = byId('search-status');
  let hits: SearchHit[] = [];
  let active = -1;
  let latest = 0;
  let timer: number | undefined;

  const close = () => {
    list.replaceChildren();
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    close();
    input.value = hit.node.label;
    onPick(hit);
  };
  const render = (query: string) => {
    list.replaceChildren(
      ...hits.map((hit, index) => {
        const item = element('li', { attributes: { role: 'option', id: `search-option-${index}`, 'aria-selected': String(index === active) } }, [
          element('span', { className: `kind kind-${hit.node.kind.toLowerCase()}`, text: hit.node.kind.toLowerCase() }),
          element('span', { className: 'label' }, highlightMatch(hit.node.label, query)),
        ]);
        item.addEventListener('mousedown', (event) => event.preventDefault());
        item.addEventListener('click', () => pick(hit));
        return item;
      }),
    );
    list.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', String(hits.length > 0));
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const run = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (query.length === 0) return close();
    try {
      const found = await searchNodes(query);
      if (ticket !== latest) return;
      hits = found;
      active = -1;
      status.textContent = found.length === 0 ? `Nothing matches "${query}".` : `${found.length} matches.`;
      render(query);
    } catch (error) {
      if (ticket === latest) status.textContent = (error as Error).message;
    }
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length === 0) return;
      active = (active + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      render(input.value.trim());
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(hits[active >= 0 ? active : 0]);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => window.setTimeout(close, 100));
}
