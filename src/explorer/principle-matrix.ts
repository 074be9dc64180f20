import { element, formatNumber } from './dom';
import { fetchPrincipleLinks, type PrincipleLink } from './queries';

/*
 * Principle links for analysts: a co-occurrence matrix of the principles that share essays,
 * each cell shaded by Jaccard; hovering or focusing a cell tells its co-occurrences, Jaccard,
 * lift and shared essays.
 */

export async function renderPrincipleMatrix(container: HTMLElement, detail: HTMLElement): Promise<void> {
  const links = await fetchPrincipleLinks();
  if (links.length === 0) {
    container.replaceChildren(element('p', { className: 'muted', text: 'No two principles share an essay yet.' }));
    return;
  }
  const names = new Map<string, string>();
  for (const link of links) names.set(link.a.id, link.a.name).set(link.b.id, link.b.name);
  const ids = [...names.keys()].sort((a, b) => names.get(a)!.localeCompare(names.get(b)!));
  const byPair = new Map(
    links.flatMap(
      (link) =>
        [
          [`${link.a.id}|${link.b.id}`, link],
          [`${link.b.id}|${link.a.id}`, link],
        ] as const,
    ),
  );
  const header = element('tr', {}, [
    element('th', { attributes: { scope: 'col' } }),
    ...ids.map((id, index) => element('th', { attributes: { scope: 'col', title: names.get(id)! }, text: String(index + 1) })),
  ]);
  const rows = ids.map((row, index) =>
    element('tr', {}, [
      element('th', { attributes: { scope: 'row' }, text: `${index + 1}. ${names.get(row)}` }),
      ...ids.map((column) => cell(byPair.get(`${row}|${column}`), detail)),
    ]),
  );
  container.replaceChildren(
    element('table', { className: 'matrix', attributes: { id: 'principle-matrix' } }, [element('thead', {}, [header]), element('tbody', {}, rows)]),
  );
}

function cell(link: PrincipleLink | undefined, detail: HTMLElement): HTMLTableCellElement {
  if (!link) return element('td', { className: 'empty' });
  const summary = describeLink(link);
  const button = element('button', {
    className: 'cell',
    text: String(link.cooccurrences),
    attributes: { type: 'button', title: summary, 'aria-label': summary },
  });
  button.style.backgroundColor = `rgba(68, 119, 170, ${0.15 + 0.85 * link.jaccard})`;
  if (link.jaccard > 0.5) button.classList.add('dark');
  const show = () => {
    detail.textContent = summary;
  };
  button.addEventListener('mouseenter', show);
  button.addEventListener('focus', show);
  button.addEventListener('click', show);
  return element('td', {}, [button]);
}

export function describeLink(link: PrincipleLink): string {
  const essays = link.sharedEssays.map((essay) => essay.title).join('; ');
  const edges = link.directEdges.length > 0 ? ` Direct edges: ${link.directEdges.join(', ').toLowerCase().replace(/_/g, ' ')}.` : '';
  return `${link.a.name} & ${link.b.name}: ${link.cooccurrences} shared essays, Jaccard ${formatNumber(link.jaccard)}, lift ${formatNumber(link.lift)}. Essays: ${essays}.${edges}`;
}
