import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Essay } from './essay.type';
import { EdgeOrigin, EdgeType, NodeKind, ReasonKind, SimilaritySignal } from './enums';
import { GraphNode, PathEdge, type GraphNodeValue } from './graph-node.type';
import { Principle } from './principle.type';

@ObjectType({ simpleResolvers: true, description: 'One reason two nodes are related, with how much it counts.' })
export class RelationReason {
  @Field(() => ReasonKind, { description: 'The kind of evidence.' })
  kind!: ReasonKind;

  @Field(() => GraphNode, {
    nullable: true,
    description:
      'The node the relation goes through: the shared principle, concept, role or essay, or for SIMILAR_TO_PRINCIPLE and SIMILAR_TO_CONCEPT the idea the node asked about links.',
  })
  via!: GraphNodeValue | null;

  @Field(() => Float, { description: 'What this reason adds, 0..1; rarer shared neighbours count more.' })
  weight!: number;

  @Field(() => Float, {
    description:
      'This reason’s part of the score. Reasons combine as independent chances (noisy-OR: score = 1 − Π(1 − weight)), ' +
      'which adds their log-chances −ln(1 − weight); the score is split among the reasons in that proportion, so the ' +
      'shares of one item’s reasons add up to its score.',
  })
  share!: number;

  @Field({ description: 'The reason in a sentence.' })
  description!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A node related to the one asked about, with a score and its reasons.' })
export class RelatedThought {
  @Field(() => GraphNode, { description: 'The related node (same kind as the one asked about).' })
  node!: GraphNodeValue;

  @Field(() => Float, { description: 'Relatedness in 0..1; the reasons’ weights combined.' })
  score!: number;

  @Field(() => [RelationReason], { description: 'Why, strongest first.' })
  reasons!: RelationReason[];
}

@ObjectType({ simpleResolvers: true, description: 'A node whose text says nearly what the given text says.' })
export class SimilarNode {
  @Field(() => GraphNode, { description: 'The node found (an essay, principle or concept).' })
  node!: GraphNodeValue;

  @Field(() => Float, {
    description:
      'MEANING: the cosine similarity of the two texts (about 0.5 and up for a paraphrase, 0.3 and below for unrelated texts). WORDS: relevance relative to the best hit (1).',
  })
  score!: number;

  @Field(() => SimilaritySignal, { description: 'What found it: the sentence model, or the full-text index when no model is loaded.' })
  signal!: SimilaritySignal;
}

@ObjectType({ simpleResolvers: true, description: 'A path from one node to another, read as a sentence.' })
export class ConceptPath {
  @Field(() => [GraphNode], { description: 'The nodes in order, from `from` to `to`.' })
  nodes!: GraphNodeValue[];

  @Field(() => [PathEdge], { description: 'The edges in order; edge i joins nodes i and i + 1.' })
  edges!: PathEdge[];

  @Field(() => Int, { description: 'Number of edges.' })
  length!: number;

  @Field({ description: 'The path as a sentence: "Engineer grows into Engineering Leader, who grows into CTPO".' })
  reading!: string;

  @Field(() => Float, {
    description:
      'How informative the path is, 0..1, which orders paths of equal length: the product, over the nodes it ' +
      'passes through (its ends excluded), of degree^-0.5, halved each time the path turns against the direction ' +
      "of its edges (degree-weighted path count in the spirit of Hetionet's DWPC). 1 for a direct edge.",
  })
  score!: number;

  @Field({
    description: 'The score in one line, e.g. "2 steps through Engineering Leader (degree 16), read in one direction".',
  })
  why!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A node of a concept map, placed and clustered.' })
export class MapNode {
  @Field(() => ID, { description: 'Node id (stable across requests).' })
  id!: string;

  @Field(() => NodeKind, { description: 'The node’s kind.' })
  kind!: NodeKind;

  @Field({ description: 'Display label.' })
  label!: string;

  @Field(() => Int, { description: 'Edges at the node over the whole graph.' })
  degree!: number;

  @Field(() => Int, { description: 'Neighbours the map leaves out (expand here to see them).' })
  hiddenNeighbors!: number;

  @Field(() => Int, { description: 'Community (Louvain, on the returned subgraph).' })
  cluster!: number;

  @Field(() => Float, { description: 'Layout position (ForceAtlas2, fixed seed).' })
  x!: number;

  @Field(() => Float, { description: 'Layout position (ForceAtlas2, fixed seed).' })
  y!: number;
}

@ObjectType({ simpleResolvers: true, description: 'An edge of a concept map; both ends are in the map.' })
export class MapEdge {
  @Field(() => ID, { description: 'Stable id: `source|TYPE|target`.' })
  id!: string;

  @Field(() => ID, { description: 'Id of the source node.' })
  source!: string;

  @Field(() => ID, { description: 'Id of the target node.' })
  target!: string;

  @Field(() => EdgeType, { description: 'The relationship type.' })
  type!: EdgeType;

  @Field(() => Float, { description: 'Edge weight, 0..1.' })
  weight!: number;

  @Field(() => EdgeOrigin, { description: 'Asserted by an editor or inferred by a rule.' })
  origin!: EdgeOrigin;
}

@ObjectType({ simpleResolvers: true, description: 'A subgraph ready to draw; the same request gives the same map.' })
export class ConceptMap {
  @Field(() => [MapNode], { description: 'Nodes in id order.' })
  nodes!: MapNode[];

  @Field(() => [MapEdge], { description: 'Edges between returned nodes, in id order.' })
  edges!: MapEdge[];

  @Field({ description: 'True when nodes were left out to keep within `limit`.' })
  truncated!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Two principles and how they travel together.' })
export class PrincipleLink {
  @Field(() => Principle, { description: 'The principle with the smaller id.' })
  a!: GraphNodeValue;

  @Field(() => Principle, { description: 'The other principle.' })
  b!: GraphNodeValue;

  @Field(() => Int, { description: 'Essays that articulate both.' })
  cooccurrences!: number;

  @Field(() => Float, { description: 'Shared essays over essays articulating either.' })
  jaccard!: number;

  @Field(() => Float, { description: 'How much more often they co-occur than if independent (1 = as expected).' })
  lift!: number;

  @Field(() => [Essay], { description: 'The essays they share, in id order (at most 20).' })
  sharedEssays!: GraphNodeValue[];

  @Field(() => [EdgeType], { description: 'Types of the edges joining them directly.' })
  directEdges!: EdgeType[];
}

@ObjectType({ simpleResolvers: true, description: 'A node with a score and its rank.' })
export class RankedNode {
  @Field(() => GraphNode, { description: 'The node.' })
  node!: GraphNodeValue;

  @Field(() => Float, { description: 'The score it is ranked by.' })
  score!: number;

  @Field(() => Int, { description: 'Position, 1 for the highest score.' })
  rank!: number;
}
