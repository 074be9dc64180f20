import { byId, element } from './dom';
import { renderLegend } from './legend';
import { MapView } from './map-view';
import { renderNodePanel, renderPanelMessage } from './node-panel';
import { setUpPathFinder } from './path-finder';
import { renderPrincipleMatrix } from './principle-matrix';
import { fetchConceptMap, fetchNodeDetails, type NodeRef } from './queries';
import { setUpSearch } from './search-box';

/*
 * The /explore page: pick a node (search), see its concept map, open a node (side panel with
 * related thoughts) and expand it in place, find paths, look at principle links, export.
 */

const FIRST_CENTER = 'principle:culture-emerges-from-structure';
const MAP_DEPTH = 1;
const MAP_LIMIT = 80;
const EXPORT_FORMATS = [
  { format: 'cytoscape', table: null, text: 'Cytoscape JSON' },
  { format: 'graphml', table: null, text: 'GraphML' },
  { format: 'gexf', table: null, text: 'GEXF' },
  { format: 'csv', table: 'nodes', text: 'CSV nodes' },
  { format: 'csv', table: 'edges', text: 'CSV edges' },
] as const;

interface ExplorerState {
  center: string;
  expanded: Set<string>;
}

function start(): void {
  const status = byId('status');
  const panel = byId('node-panel');
  const state: ExplorerState = { center: FIRST_CENTER, expanded: new Set() };
  const map = new MapView(byId('map'), { onSelect: (id) => void openNode(id, true) });
  const pathFinder = setUpPathFinder((paths) => {
    map.highlightPaths(paths);
    refreshMapLists();
  });

  const say = (message: string) => {
    status.textContent = message;
  };
  const refreshMapLists = () => {
    const drawn = map.drawnNodes();
    renderLegend(byId('legend'), drawn);
    renderNodeList(byId<HTMLSelectElement>('map-nodes'), drawn);
  };
  const showMap = async (center: string) => {
    say('Loading the map...');
    const conceptMap = await fetchConceptMap(center, MAP_DEPTH, MAP_LIMIT);
    state.center = center;
    state.expanded = new Set([center]);
    map.show(conceptMap, center);
    refreshMapLists();
    renderExportLinks(byId('exports'), center);
    say(`Map of ${conceptMap.nodes.length} nodes around ${labelOf(conceptMap.nodes, center)}${conceptMap.truncated ? ' (truncated)' : ''}.`);
  };
  const expand = async (id: string) => {
    if (state.expanded.has(id) || !map.has(id)) return;
    state.expanded.add(id);
    const added = map.expand(await fetchConceptMap(id, 1, MAP_LIMIT), id);
    refreshMapLists();
    say(added.length === 0 ? 'No new neighbours to add.' : `Added ${added.length} neighbours; the rest of the map stays where it was.`);
  };
  const openNode = async (id: string, expandOnMap: boolean) => {
    map.select(id);
    renderPanelMessage(panel, 'Loading...');
    const { node, related } = await fetchNodeDetails(id);
    if (!node) return renderPanelMessage(panel, `No node ${id}.`);
    renderNodePanel(panel, node, related, {
      onOpen: (other: NodeRef) => void pick(other.id),
      onPathEnd: (end, chosen) => pathFinder.setEnd(end, chosen),
    });
    if (expandOnMap) await expand(id);
  };
  const pick = async (id: string) => {
    if (!map.has(id)) await showMap(id);
    await openNode(id, false);
    byId('node-title').focus();
  };
  const guard = (work: Promise<unknown>) => work.catch((error: Error) => say(error.message));

  setUpSearch((hit) => void guard(pick(hit.node.id)));
  byId<HTMLSelectElement>('map-nodes').addEventListener('change', (event) => {
    const id = (event.target as HTMLSelectElement).value;
    if (id) void guard(openNode(id, true));
  });
  byId('fit').addEventListener('click', () => map.fitAll());
  byId('principles').addEventListener('toggle', () => void guard(renderPrincipleMatrix(byId('matrix'), byId('matrix-detail'))), { once: true });
  exposeForTests(map);
  void guard(showMap(FIRST_CENTER).then(() => openNode(FIRST_CENTER, false)));
}

function renderNodeList(select: HTMLSelectElement, nodes: readonly { id: string; label: string }[]): void {
  const sorted = [...nodes].sort((a, b) => a.label.localeCompare(b.label));
  select.replaceChildren(
    element('option', { text: `Nodes on the map (${nodes.length})`, attributes: { value: '' } }),
    ...sorted.map((node) => element('option', { text: node.label, attributes: { value: node.id } })),
  );
}

function renderExportLinks(container: HTMLElement, center: string): void {
  container.replaceChildren(
    ...EXPORT_FORMATS.map(({ format, table, text }) => {
      const query = new URLSearchParams({ format, center, depth: String(MAP_DEPTH), limit: String(MAP_LIMIT), ...(table ? { table } : {}) });
      return element('a', {
        className: 'button',
        text,
        attributes: { href: `/export/graph?${query}`, download: '', 'data-format': table ? `${format}-${table}` : format },
      });
    }),
  );
}

function labelOf(nodes: readonly { id: string; label: string }[], id: string): string {
  return nodes.find((node) => node.id === id)?.label ?? id;
}

/** The browser tests read drawn positions here: the canvas itself has no DOM to inspect. */
function exposeForTests(map: MapView): void {
  (window as unknown as { thoughtgraphExplorer: unknown }).thoughtgraphExplorer = {
    positions: () => map.positions(),
    renderedPositions: () => map.renderedPositions(),
    highlighted: () => map.highlighted(),
  };
}

start();
