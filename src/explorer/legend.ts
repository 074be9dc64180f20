import { clusterColor } from '../analysis/map-style';
import { element } from './dom';
import type { NodeKind } from './queries';

/*
 * The legend: one swatch per cluster on the map, one shape per kind (drawn in SVG as Cytoscape
 * draws it), and how size reads.
 */

const SVG = 'http://www.w3.org/2000/svg';

const KIND_GLYPHS: Record<NodeKind, { name: string; draw: () => SVGElement }> = {
  ESSAY: { name: 'essay', draw: () => svgShape('rect', { x: '2', y: '4', width: '16', height: '12', rx: '3' }) },
  PRINCIPLE: { name: 'principle', draw: () => svgShape('polygon', { points: '10,1 19,10 10,19 1,10' }) },
  ROLE: { name: 'role', draw: () => svgShape('polygon', { points: '5,2 15,2 19,10 15,18 5,18 1,10' }) },
  CONCEPT: { name: 'concept', draw: () => svgShape('circle', { cx: '10', cy: '10', r: '8' }) },
  PERSON: { name: 'person', draw: () => svgShape('polygon', { points: '10,2 19,18 1,18' }) },
  ORGANIZATION: { name: 'organization', draw: () => svgShape('rect', { x: '2', y: '3', width: '16', height: '14', rx: '5' }) },
};

export function renderLegend(container: HTMLElement, nodes: readonly { kind: NodeKind; cluster: number }[]): void {
  const clusters = [...new Set(nodes.map((node) => node.cluster).filter((cluster) => cluster >= 0))].sort((a, b) => a - b);
  const kinds = (Object.keys(KIND_GLYPHS) as NodeKind[]).filter((kind) => nodes.some((node) => node.kind === kind));
  container.replaceChildren(
    element('h2', { text: 'Legend' }),
    element(
      'ul',
      { className: 'legend-kinds', attributes: { 'aria-label': 'Shape by kind' } },
      kinds.map((kind) => legendItem(glyph(KIND_GLYPHS[kind].draw()), KIND_GLYPHS[kind].name)),
    ),
    element(
      'ul',
      { className: 'legend-clusters', attributes: { 'aria-label': 'Colour by cluster' } },
      clusters.map((cluster) => legendItem(swatch(cluster), `cluster ${cluster}`)),
    ),
    ...(nodes.some((node) => node.cluster < 0)
      ? [
          element('ul', { attributes: { 'aria-label': 'Other colours' } }, [
            legendItem(unclustered(), "grey: brought in by a path, outside the map's clusters"),
          ]),
        ]
      : []),
    element('p', {
      className: 'legend-note',
      text: 'Size: degree (more edges, bigger). Click a node, or pick it in "Nodes on the map", to open it and expand its neighbours.',
    }),
  );
}

function legendItem(symbol: Element, text: string): HTMLLIElement {
  return element('li', {}, [symbol, element('span', { text })]);
}

function swatch(cluster: number): HTMLElement {
  const box = element('span', { className: 'swatch', attributes: { 'aria-hidden': 'true' } });
  box.style.backgroundColor = clusterColor(cluster);
  return box;
}

function unclustered(): HTMLElement {
  const box = element('span', { className: 'swatch unclustered', attributes: { 'aria-hidden': 'true' } });
  return box;
}

function glyph(shape: SVGElement): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('class', 'glyph');
  svg.setAttribute('aria-hidden', 'true');
  svg.append(shape);
  return svg;
}

function svgShape(tag: string, attributes: Record<string, string>): SVGElement {
  const shape = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) shape.setAttribute(name, value);
  return shape;
}
