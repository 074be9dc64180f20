import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { clusterColor, nodeSize } from '../analysis/map-style';
import type { ConceptMap, ConceptPath, MapNode, NodeKind, NodeRef } from './queries';

/*
 * The concept map, drawn with Cytoscape.js. Nodes already drawn never move: an expansion adds
 * the new neighbours around the node that was expanded, in the shape the service laid them out,
 * and nudges only the new ones off nodes they would cover.
 */

export const KIND_SHAPES: Record<NodeKind, cytoscape.Css.NodeShape> = {
  ESSAY: 'round-rectangle',
  PRINCIPLE: 'diamond',
  ROLE: 'hexagon',
  CONCEPT: 'ellipse',
  PERSON: 'triangle',
  ORGANIZATION: 'barrel',
};

/** Nodes this far apart (centre to centre) or closer count as overlapping; new ones are nudged off. */
const MIN_SPACING = 70;
/** The service's layout spans ~160 units for 50 nodes: this many screen units between neighbours reads well. */
const TARGET_NEIGHBOUR_DISTANCE = 110;
/** Fitting a few nodes would zoom until labels and arrows are huge; past this zoom, fitting only centres. */
const MAX_FIT_ZOOM = 1.25;

export interface MapViewEvents {
  onSelect(id: string): void;
}

export class MapView {
  private readonly cy: Core;
  /** Service units to drawing units, fixed by the first map so later expansions match it. */
  private scale: number | null = null;

  constructor(container: HTMLElement, events: MapViewEvents) {
    this.cy = cytoscape({
      container,
      style: MAP_STYLE,
      layout: { name: 'preset' },
      minZoom: 0.2,
      maxZoom: 3,
      wheelSensitivity: 0.3,
    });
    this.cy.on('tap', 'node', (event) => events.onSelect((event.target as NodeSingular).id()));
    // The legend, the status line and the viewport all change the map's size; Cytoscape learns it only when told.
    new ResizeObserver(() => this.resize()).observe(container);
  }

  /** Replaces the drawing with a new map (a new centre). */
  show(map: ConceptMap, center: string): void {
    this.cy.elements().remove();
    this.scale = scaleFor(map.nodes);
    const origin = map.nodes.find((node) => node.id === center) ?? map.nodes[0];
    this.cy.add(map.nodes.map((node) => nodeElement(node, this.place(node, origin, { x: 0, y: 0 }))));
    this.addEdges(map);
    this.fitTo(this.cy.elements(), 30);
  }

  /** Adds a neighbourhood around `center` without moving anything already drawn; returns the ids added. */
  expand(map: ConceptMap, center: string): string[] {
    const anchor = this.cy.getElementById(center);
    const origin = map.nodes.find((node) => node.id === center);
    if (anchor.empty() || !origin) return [];
    const added: string[] = [];
    for (const node of map.nodes) {
      if (!this.cy.getElementById(node.id).empty()) continue;
      const position = this.freeSpot(this.place(node, origin, anchor.position()));
      this.cy.add(nodeElement(node, position));
      added.push(node.id);
    }
    this.addEdges(map);
    this.fitTo(this.cy.elements(), 30);
    return added;
  }

  /** Marks the paths' nodes and edges; nodes missing from the drawing are added beside a drawn neighbour. */
  highlightPaths(paths: readonly ConceptPath[]): void {
    this.clearHighlight();
    for (const path of paths) {
      path.nodes.forEach((node, index) => this.ensureNode(node, path.nodes[index - 1] ?? path.nodes[index + 1]));
      for (const edge of path.edges) {
        const id = `${edge.source}|${edge.type}|${edge.target}`;
        if (this.cy.getElementById(id).empty())
          this.cy.add({ group: 'edges', data: { id, source: edge.source, target: edge.target, type: edge.type, weight: 1 } });
        this.cy.getElementById(id).addClass('on-path');
      }
      for (const node of path.nodes) this.cy.getElementById(node.id).addClass('on-path');
    }
    this.fitTo(this.cy.elements('.on-path'), 60);
  }

  clearHighlight(): void {
    this.cy.elements().removeClass('on-path');
  }

  select(id: string): void {
    this.cy.nodes().removeClass('selected');
    this.cy.getElementById(id).addClass('selected');
  }

  has(id: string): boolean {
    return !this.cy.getElementById(id).empty();
  }

  /** Every drawn node with its position in drawing units, for the node list and for tests. */
  positions(): Record<string, { x: number; y: number }> {
    return Object.fromEntries(this.cy.nodes().map((node) => [node.id(), { ...node.position() }]));
  }

  /** Where each node is on screen, relative to the map's element: what a click must hit. */
  renderedPositions(): Record<string, { x: number; y: number }> {
    return Object.fromEntries(this.cy.nodes().map((node) => [node.id(), { ...node.renderedPosition() }]));
  }

  highlighted(): string[] {
    return this.cy
      .elements('.on-path')
      .map((element) => element.id())
      .sort();
  }

  drawnNodes(): { id: string; label: string; kind: NodeKind; cluster: number }[] {
    return this.cy
      .nodes()
      .map((node) => ({ id: node.id(), label: node.data('label') as string, kind: node.data('kind') as NodeKind, cluster: node.data('cluster') as number }));
  }

  /** After the container changed size: the same framing (whole map, or the paths) at the new size. */
  resize(): void {
    this.cy.resize();
    this.refit();
  }

  fitAll(): void {
    this.fitTo(this.cy.elements(), 30);
  }

  private refit: () => void = () => undefined;

  private fitTo(elements: cytoscape.CollectionArgument, padding: number): void {
    this.refit = () => this.fitTo(elements, padding);
    this.cy.fit(elements, padding);
    if (this.cy.zoom() > MAX_FIT_ZOOM) {
      this.cy.zoom(MAX_FIT_ZOOM);
      this.cy.center(elements);
    }
  }

  private place(node: MapNode, origin: MapNode | undefined, at: { x: number; y: number }) {
    const scale = this.scale ?? 1;
    return { x: at.x + (node.x - (origin?.x ?? 0)) * scale, y: at.y + (node.y - (origin?.y ?? 0)) * scale };
  }

  private addEdges(map: ConceptMap): void {
    const missing = map.edges.filter((edge) => this.cy.getElementById(edge.id).empty() && this.has(edge.source) && this.has(edge.target));
    this.cy.add(missing.map((edge) => ({ group: 'edges' as const, data: { ...edge } })));
  }

  private ensureNode(node: NodeRef, neighbour: NodeRef | undefined): void {
    if (this.has(node.id)) return;
    const beside = neighbour && this.has(neighbour.id) ? this.cy.getElementById(neighbour.id).position() : { x: 0, y: 0 };
    const mapNode: MapNode = { ...node, degree: 1, cluster: -1, hiddenNeighbors: 0, x: 0, y: 0 };
    this.cy.add(nodeElement(mapNode, this.freeSpot({ x: beside.x + MIN_SPACING, y: beside.y })));
  }

  /** The nearest point to `wanted`, on a widening spiral, that keeps clear of every drawn node. */
  private freeSpot(wanted: { x: number; y: number }): { x: number; y: number } {
    const taken = this.cy.nodes().map((node) => node.position());
    const clear = (point: { x: number; y: number }) => taken.every((other) => Math.hypot(other.x - point.x, other.y - point.y) >= MIN_SPACING);
    for (let step = 0; step < 400; step += 1) {
      const angle = step * 0.7;
      const radius = (MIN_SPACING / 4) * Math.sqrt(step);
      const point = { x: wanted.x + radius * Math.cos(angle), y: wanted.y + radius * Math.sin(angle) };
      if (clear(point)) return point;
    }
    return wanted;
  }
}

function nodeElement(node: MapNode, position: { x: number; y: number }): ElementDefinition {
  return {
    group: 'nodes',
    data: {
      id: node.id,
      label: node.label,
      kind: node.kind,
      cluster: node.cluster,
      degree: node.degree,
      color: node.cluster >= 0 ? clusterColor(node.cluster) : '#888888',
      size: nodeSize(node.degree),
      shape: KIND_SHAPES[node.kind],
    },
    position,
  };
}

/** How far to stretch the service's coordinates so neighbours sit about TARGET_NEIGHBOUR_DISTANCE apart. */
function scaleFor(nodes: readonly MapNode[]): number {
  if (nodes.length < 2) return 1;
  const nearest = nodes.map((node) => Math.min(...nodes.filter((other) => other !== node).map((other) => Math.hypot(other.x - node.x, other.y - node.y))));
  const median = [...nearest].sort((a, b) => a - b)[Math.floor(nearest.length / 2)]!;
  return median > 0 ? Math.max(1, TARGET_NEIGHBOUR_DISTANCE / median) : 1;
}

const MAP_STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      shape: 'data(shape)' as never,
      width: 'data(size)',
      height: 'data(size)',
      label: 'data(label)',
      'font-size': 11,
      'font-family': 'system-ui, sans-serif',
      color: '#1d2330',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '120px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
      'border-width': 1,
      'border-color': '#ffffff',
    },
  },
  { selector: 'node.selected', style: { 'border-width': 4, 'border-color': '#1d2330' } },
  {
    selector: 'edge',
    style: {
      width: 'mapData(weight, 0, 1, 0.8, 2.5)',
      'line-color': '#b8bfcc',
      'target-arrow-color': '#b8bfcc',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      'curve-style': 'bezier',
    },
  },
  { selector: 'edge.on-path', style: { width: 5, 'line-color': '#d9480f', 'target-arrow-color': '#d9480f', 'z-index': 10 } },
  { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#d9480f' } },
];
