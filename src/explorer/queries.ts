import type { ConceptMap as AnswerMap, MapEdge as AnswerEdge, MapNode as AnswerNode } from '../analysis/concept-map';
import { EdgeType as DomainEdgeType } from '../domain/edge-type';
import { requestGraphQL } from './graphql-client';

/*
 * The operations the page sends, with the shapes it reads. Nothing here knows the DOM.
 */

export type NodeKind = 'ESSAY' | 'PRINCIPLE' | 'ROLE' | 'CONCEPT' | 'PERSON' | 'ORGANIZATION';

/** The API's edge types are the domain's closed set (a pure module, bundled as it is). */
export const EDGE_TYPES: readonly EdgeType[] = Object.values(DomainEdgeType);
export type EdgeType = `${DomainEdgeType}`;

export interface NodeRef {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
}

export interface SearchHit {
  readonly score: number;
  readonly node: NodeRef;
}

/** A map's node as it travels: the analysis's MapNode with the kind as the GraphQL enum names it. */
export type MapNode = Omit<AnswerNode, 'kind'> & NodeRef;

/** A map's edge as the page selects it (no origin). */
export type MapEdge = Omit<AnswerEdge, 'type' | 'origin'> & { readonly type: EdgeType };

export interface ConceptMap extends Omit<AnswerMap, 'nodes' | 'edges'> {
  readonly nodes: readonly MapNode[];
  readonly edges: readonly MapEdge[];
}

export interface NodeDetails extends NodeRef {
  readonly degree: number;
  /** The node's own words: an essay's summary, a principle's statement, a concept's description. */
  readonly text: readonly string[];
  readonly url: string | null;
}

export interface RelatedThought {
  readonly score: number;
  readonly node: NodeRef;
  /** Each with its share of the score (the shares add up to it). */
  readonly reasons: readonly { readonly kind: string; readonly description: string; readonly weight: number; readonly share: number }[];
}

export interface PathEdge {
  readonly source: string;
  readonly target: string;
  readonly type: EdgeType;
  readonly forward: boolean;
}

export interface ConceptPath {
  readonly length: number;
  readonly reading: string;
  readonly nodes: readonly NodeRef[];
  readonly edges: readonly PathEdge[];
}

export interface PrincipleLink {
  readonly a: { readonly id: string; readonly name: string };
  readonly b: { readonly id: string; readonly name: string };
  readonly cooccurrences: number;
  readonly jaccard: number;
  readonly lift: number;
  readonly sharedEssays: readonly { readonly title: string }[];
  readonly directEdges: readonly EdgeType[];
}

export async function searchNodes(text: string): Promise<SearchHit[]> {
  const data = await requestGraphQL<{ search: SearchHit[] }>(
    'query Search($query: String!) { search(query: $query, first: 8) { score node { id kind label } } }',
    { query: text },
  );
  return data.search;
}

export async function fetchConceptMap(center: string, depth: number, limit: number): Promise<ConceptMap> {
  const data = await requestGraphQL<{ conceptMap: ConceptMap }>(
    `query Map($center: ID!, $depth: Int!, $limit: Int!) {
       conceptMap(center: $center, depth: $depth, limit: $limit) {
         truncated
         nodes { id kind label degree cluster hiddenNeighbors x y }
         edges { id source target type weight }
       }
     }`,
    { center, depth, limit },
  );
  return data.conceptMap;
}

type RawDetails = NodeRef & {
  degree: number;
  summary?: string | null;
  statement?: string | null;
  description?: string | null;
  url?: string | null;
};

export async function fetchNodeDetails(id: string): Promise<{ node: NodeDetails | null; related: RelatedThought[] }> {
  const data = await requestGraphQL<{ node: RawDetails | null; relatedThoughts: RelatedThought[] }>(
    `query Details($id: ID!) {
       node(id: $id) {
         id kind label degree
         ... on Essay { summary url }
         ... on Principle { statement description }
         ... on Role { description }
         ... on Concept { description }
       }
       relatedThoughts(id: $id, first: 5) { score node { id kind label } reasons { kind description weight share } }
     }`,
    { id },
  );
  return { node: data.node && toDetails(data.node), related: data.relatedThoughts };
}

function toDetails(raw: RawDetails): NodeDetails {
  const text = [raw.summary, raw.statement, raw.description].filter((line): line is string => Boolean(line));
  return { id: raw.id, kind: raw.kind, label: raw.label, degree: raw.degree, text, url: raw.url ?? null };
}

export async function findPaths(from: string, to: string, k: number, edgeTypes: readonly EdgeType[]): Promise<ConceptPath[]> {
  const data = await requestGraphQL<{ conceptPath: ConceptPath[] }>(
    `query Paths($from: ID!, $to: ID!, $k: Int!, $edgeTypes: [EdgeType!]) {
       conceptPath(from: $from, to: $to, k: $k, edgeTypes: $edgeTypes) {
         length reading
         nodes { id kind label }
         edges { source target type forward }
       }
     }`,
    { from, to, k, edgeTypes: edgeTypes.length > 0 ? edgeTypes : null },
  );
  return data.conceptPath;
}

export async function fetchPrincipleLinks(): Promise<PrincipleLink[]> {
  const data = await requestGraphQL<{ principleLinks: PrincipleLink[] }>(
    `{ principleLinks(first: 100, minShared: 1) {
         a { id name } b { id name } cooccurrences jaccard lift sharedEssays { title } directEdges
       } }`,
  );
  return data.principleLinks;
}
