/*
 * How a concept map is drawn, shared by the exports (GEXF viz:color and viz:size) and the
 * /explore page, so a map looks the same in Gephi and in the browser. No imports: the page's
 * bundle takes this file as it is.
 */

/** Twelve colours that stay apart for the common kinds of colour blindness (Paul Tol's "muted" and "bright" sets). */
const CLUSTER_COLORS = [
  '#4477aa',
  '#ee6677',
  '#228833',
  '#ccbb44',
  '#66ccee',
  '#aa3377',
  '#332288',
  '#117733',
  '#999933',
  '#882255',
  '#44aa99',
  '#dd7788',
] as const;

/** The colour of a cluster id; ids past the palette wrap around. */
export function clusterColor(cluster: number): string {
  const index = ((cluster % CLUSTER_COLORS.length) + CLUSTER_COLORS.length) % CLUSTER_COLORS.length;
  return CLUSTER_COLORS[index]!;
}

/** Node diameter in drawing units: 20 for a leaf, growing with the square root of the degree, capped at 60. */
export function nodeSize(degree: number): number {
  return Math.min(60, Math.round(20 + 6 * Math.sqrt(Math.max(0, degree))));
}

/**
 * The cluster colour as `rgb(r, g, b)`: written so, GEXF gets r/g/b attributes, the one form
 * NetworkX's reader knows (it has no `hex`).
 */
export function clusterRgb(cluster: number): string {
  const hex = Number.parseInt(clusterColor(cluster).slice(1), 16);
  return `rgb(${(hex >> 16) & 0xff}, ${(hex >> 8) & 0xff}, ${hex & 0xff})`;
}
