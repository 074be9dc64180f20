import { byId, element } from './dom';
import { EDGE_TYPES, findPaths, type ConceptPath, type EdgeType, type NodeRef } from './queries';

/*
 * The path finder: two nodes (picked from the node panel, or typed as ids), k, and the edge
 * types to walk. The readings are listed; the map highlights the paths.
 */

export interface PathFinder {
  setEnd(end: 'from' | 'to', node: NodeRef): void;
}

export function setUpPathFinder(onPaths: (paths: readonly ConceptPath[]) => void): PathFinder {
  const form = byId<HTMLFormElement>('path-form');
  const from = byId<HTMLInputElement>('path-from');
  const to = byId<HTMLInputElement>('path-to');
  const k = byId<HTMLInputElement>('path-k');
  const results = byId('path-results');
  const types = byId('path-types');
  types.replaceChildren(
    ...EDGE_TYPES.map((type) =>
      element('label', { className: 'check' }, [
        element('input', { attributes: { type: 'checkbox', name: 'edgeType', value: type } }),
        type.toLowerCase().replace(/_/g, ' '),
      ]),
    ),
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = [...types.querySelectorAll<HTMLInputElement>('input:checked')].map((box) => box.value as EdgeType);
    results.replaceChildren(element('p', { className: 'muted', text: 'Looking for paths...' }));
    findPaths(from.value.trim(), to.value.trim(), Number(k.value), chosen)
      .then((paths) => {
        renderReadings(results, paths);
        onPaths(paths);
      })
      .catch((error: Error) => results.replaceChildren(element('p', { className: 'error', attributes: { role: 'alert' }, text: error.message })));
  });

  return {
    setEnd(end, node) {
      (end === 'from' ? from : to).value = node.id;
      form.closest('details')?.setAttribute('open', '');
    },
  };
}

function renderReadings(container: HTMLElement, paths: readonly ConceptPath[]): void {
  if (paths.length === 0) {
    container.replaceChildren(element('p', { className: 'muted', text: 'No path joins them within these limits.' }));
    return;
  }
  container.replaceChildren(
    element(
      'ol',
      { className: 'readings', attributes: { id: 'path-readings' } },
      paths.map((path) =>
        element('li', {}, [
          element('span', { className: 'reading', text: path.reading }),
          element('span', { className: 'muted', text: ` (${path.length} hops)` }),
        ]),
      ),
    ),
  );
}
